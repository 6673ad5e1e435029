with sections as (
    select * from {{ ref('stg_plan__plan_sections') }}
)

select
    plan_id,
    section_id,
    section_level,
    chapter_no,
    section_no,
    parent_section_id,
    title_zh,
    title_en,
    source_line
from sections
