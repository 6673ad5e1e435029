-- Reported in Dagster as a check on fct_indicator_progress (a test that reads several models needs a home).
{{ config(meta={"dagster": {"ref": {"name": "fct_indicator_progress"}}}) }}

-- Every current indicator value of a plan year, for an indicator of the plan that year
-- belongs to, is the actual of exactly one fct_indicator_progress row, and every progress row
-- with data shows a current value. Returns the mismatches.
with current_values as (
    select values_in_force.*
    from {{ ref('fct_indicator_value') }} as values_in_force
    inner join {{ ref('int_region_years_planned') }} as region_years
        on
            values_in_force.region_code = region_years.region_code
            and values_in_force.year = region_years.year
    inner join {{ ref('stg_plan__indicators') }} as indicators
        on
            region_years.plan_id = indicators.plan_id
            and values_in_force.indicator_code = indicators.indicator_code
    where values_in_force.is_current and region_years.is_plan_year
),

progress as (
    select * from {{ ref('fct_indicator_progress') }}
    where has_data
)

select
    coalesce(current_values.indicator_code, progress.indicator_code) as indicator_code,
    coalesce(current_values.year, progress.year) as year,
    current_values.value as current_value,
    progress.actual_value
from current_values
full outer join progress
    on current_values.indicator_value_id = progress.indicator_value_id
where
    current_values.indicator_value_id is null
    or progress.indicator_value_id is null
    or current_values.value <> progress.actual_value
