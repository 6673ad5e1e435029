-- Exactly one region is the default, the one the single-region drop layout raw/<department>/
-- means. Returns a row when there are none or several.
with defaults as (
    select count(*) as default_regions
    from {{ ref('stg_plan__regions') }}
    where is_default
)

select default_regions
from defaults
where default_regions <> 1
