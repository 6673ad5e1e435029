with source as (
    select * from {{ ref('projects') }}
),

renamed as (
    select
        plan_id,
        project_code,
        box_no,
        seq_in_box,
        subheading_zh,
        subheading_en,
        name_zh,
        name_en,
        item_count,
        is_truncated,
        capture_method,
        source_line,
        note
    from source
)

select * from renamed
