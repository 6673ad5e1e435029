-- Reported in Dagster as a check on rpt_plan_scorecard (a test that reads several models needs a home).
{{ config(meta={"dagster": {"ref": {"name": "rpt_plan_scorecard"}}}) }}

-- The scorecard has one row for each indicator of each plan and no other. Returns the plan
-- indicators missing from it or not in the plan.
with indicators as (
    select
        plan_id,
        indicator_code
    from {{ ref('dim_indicator') }}
),

scorecard as (
    select
        plan_id,
        indicator_code
    from {{ ref('rpt_plan_scorecard') }}
)

select
    coalesce(indicators.plan_id, scorecard.plan_id) as plan_id,
    coalesce(indicators.indicator_code, scorecard.indicator_code) as indicator_code
from indicators
full outer join scorecard
    on
        indicators.plan_id = scorecard.plan_id
        and indicators.indicator_code = scorecard.indicator_code
where indicators.indicator_code is null or scorecard.indicator_code is null
