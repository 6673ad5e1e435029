{#-
    Which plan a region's year belongs to (docs/methodology.md): the plan of the region whose
    years start_year..end_year cover it (plans of a region never overlap), else the plan
    whose baseline year it is. One row per region and year any plan of the region spans.
-#}
with plan_years as (
    select * from {{ ref('int_plan_years_listed') }}
),

covered as (
    select
        region_code,
        year
    from plan_years
    where is_plan_year
),

belonging as (
    select
        plan_years.region_code,
        plan_years.year,
        plan_years.plan_id,
        plan_years.is_plan_year
    from plan_years
    left join covered
        on
            plan_years.region_code = covered.region_code
            and plan_years.year = covered.year
    where plan_years.is_plan_year or covered.year is null
)

select
    region_code,
    year,
    plan_id,
    is_plan_year,
    not is_plan_year as is_baseline_only
from belonging
