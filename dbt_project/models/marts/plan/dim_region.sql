with regions as (
    select * from {{ ref('stg_plan__regions') }}
)

select
    region_code,
    name_zh,
    name_en,
    region_level,
    parent_region_code,
    is_default
from regions
