-- Reported in Dagster as a check on fct_indicator_expected_path (a test that reads several models needs a home).
{{ config(meta={"dagster": {"ref": {"name": "fct_indicator_expected_path"}}}) }}

-- The charts' planned path and the statuses use one formula: every fct_indicator_progress row
-- has its plan, indicator, region and year on fct_indicator_expected_path with the same formula and
-- expected value (an annual-rate path is the target rate, which progress compares against
-- without storing it as an expected value). Returns the mismatches.
with progress as (
    select * from {{ ref('fct_indicator_progress') }}
),

paths as (
    select * from {{ ref('fct_indicator_expected_path') }}
)

select
    progress.plan_id,
    progress.indicator_code,
    progress.region_code,
    progress.year,
    progress.path_formula as progress_formula,
    paths.path_formula,
    progress.expected_value as progress_expected_value,
    paths.expected_value
from progress
left join paths
    on
        progress.plan_id = paths.plan_id
        and progress.indicator_code = paths.indicator_code
        and progress.region_code = paths.region_code
        and progress.year = paths.year
where
    paths.indicator_code is null
    or (
        coalesce(paths.path_formula, '') <> 'annual_rate'
        and (
            progress.path_formula is distinct from paths.path_formula
            or progress.expected_value is distinct from paths.expected_value
        )
    )
    or (paths.path_formula = 'annual_rate' and paths.expected_value is distinct from progress.target_annual_rate)
