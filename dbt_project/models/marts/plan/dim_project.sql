with projects as (
    select * from {{ ref('stg_plan__projects') }}
),

boxes as (
    select * from {{ ref('stg_plan__project_boxes') }}
),

joined as (
    select
        projects.plan_id,
        projects.project_code,
        projects.box_no,
        boxes.box_title_zh,
        boxes.box_title_en,
        projects.seq_in_box,
        projects.subheading_zh,
        projects.subheading_en,
        projects.name_zh,
        projects.name_en,
        projects.item_count,
        projects.is_truncated,
        projects.capture_method,
        boxes.department_code,
        projects.source_line,
        projects.note
    from projects
    inner join boxes
        on
            projects.plan_id = boxes.plan_id
            and projects.box_no = boxes.box_no
)

select * from joined
