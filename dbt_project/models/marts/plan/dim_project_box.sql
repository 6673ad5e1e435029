with boxes as (
    select * from {{ ref('stg_plan__project_boxes') }}
),

sections as (
    select * from {{ ref('stg_plan__plan_sections') }}
),

joined as (
    select
        boxes.plan_id,
        boxes.box_no,
        boxes.box_title_zh,
        boxes.box_title_en,
        boxes.section_id,
        sections.title_zh as section_title_zh,
        sections.title_en as section_title_en,
        sections.chapter_no,
        boxes.department_code,
        boxes.published_project_count as project_count,
        boxes.source_line,
        boxes.note
    from boxes
    left join sections
        on
            boxes.plan_id = sections.plan_id
            and boxes.section_id = sections.section_id
)

select * from joined
