with source as (
    select * from {{ ref('project_boxes') }}
),

renamed as (
    select
        plan_id,
        box_no,
        title_zh as box_title_zh,
        title_en as box_title_en,
        section_id,
        department_code,
        project_count as published_project_count,
        source_line,
        note
    from source
)

select * from renamed
