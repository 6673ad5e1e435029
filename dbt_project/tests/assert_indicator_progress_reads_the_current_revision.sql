-- Reported in Dagster as a check on fct_indicator_progress (a test that reads several models needs a home).
{{ config(meta={"dagster": {"ref": {"name": "fct_indicator_progress"}}}) }}

-- Every current plan-year indicator value is the actual of exactly one fct_indicator_progress
-- row, and every progress row with data shows a current value. Returns the mismatches.
with current_values as (
    select * from {{ ref('fct_indicator_value') }}
    where
        is_current
        and year between {{ var('plan_start_year') }} and {{ var('plan_end_year') }}
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
