with source as (
    select * from {{ ref('plan_sections') }}
),

renamed as (
    select
        plan_id,
        section_id,
        level as section_level,
        chapter_no,
        section_no,
        parent_id as parent_section_id,
        title_zh,
        title_en,
        source_line
    from source
)

select * from renamed
