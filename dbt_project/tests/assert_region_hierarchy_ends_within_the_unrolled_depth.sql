-- int_region_ancestors_listed follows parents to a fixed depth: every region's chain of
-- ancestors must reach a region without a parent within it (no cycle, no deeper hierarchy).
-- Returns the regions whose chain does not end.
with ancestors as (
    select * from {{ ref('int_region_ancestors_listed') }}
)

select region_code
from ancestors
group by region_code
having max(case when is_root then 1 else 0 end) = 0
