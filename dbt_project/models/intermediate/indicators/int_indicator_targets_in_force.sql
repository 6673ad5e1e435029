{#-
    The target of every plan indicator in force in each year of the plan, baseline year to end
    year (docs/methodology.md): the latest amendment effective on or before the evaluation
    date of the year (31 December), else the plan's own target, with the original kept
    beside it. A qualitative target has no number. An annual-rate indicator's target rate
    for the year is the plan's annual target for that year, else the amended rate, else
    the plan's rate for the whole period; a level's annual target, where the plan sets one,
    is the year's expected value.
-#}
with indicators as (
    select * from {{ ref('stg_plan__indicators') }}
),

semantics as (
    select * from {{ ref('stg_plan__indicator_semantics') }}
),

plan_years as (
    select * from {{ ref('int_plan_years_listed') }}
),

amendments as (
    select * from {{ ref('stg_plan__target_amendments') }}
),

annual_targets as (
    select * from {{ ref('stg_plan__annual_targets') }}
),

framed as (
    select
        indicators.plan_id,
        indicators.indicator_code,
        plan_years.year,
        plan_years.region_code,
        plan_years.baseline_year,
        plan_years.start_year,
        plan_years.end_year as target_year,
        plan_years.plan_span,
        indicators.unit,
        indicators.is_binding,
        indicators.baseline_value,
        indicators.target_value,
        indicators.target_kind,
        indicators.target_text,
        indicators.target_status,
        semantics.direction,
        semantics.path_type,
        semantics.target_annual_rate
    from indicators
    inner join plan_years
        on indicators.plan_id = plan_years.plan_id
    left join semantics
        on
            indicators.plan_id = semantics.plan_id
            and indicators.indicator_code = semantics.indicator_code
),

amended as (
    select
        framed.plan_id,
        framed.indicator_code,
        framed.year,
        amendments.amendment_no,
        amendments.effective_on,
        amendments.document_no,
        amendments.target_value,
        amendments.target_kind,
        amendments.target_text,
        amendments.target_status,
        row_number() over (
            partition by framed.plan_id, framed.indicator_code, framed.year
            order by amendments.effective_on desc, amendments.amendment_no desc
        ) as recency
    from framed
    inner join amendments
        on
            framed.plan_id = amendments.plan_id
            and framed.indicator_code = amendments.indicator_code
            and amendments.effective_on <= {{ evaluation_date('framed.year') }}
),

in_force as (
    select
        framed.*,
        amended.amendment_no,
        amended.effective_on,
        amended.document_no,
        coalesce(amended.target_kind, framed.target_kind) as kind_in_force,
        case when amended.amendment_no is not null then amended.target_value else framed.target_value end
            as value_in_force,
        coalesce(amended.target_text, framed.target_text) as text_in_force,
        coalesce(amended.target_status, framed.target_status) as status_in_force,
        annual_targets.target_value as annual_target_value
    from framed
    left join amended
        on
            framed.plan_id = amended.plan_id
            and framed.indicator_code = amended.indicator_code
            and framed.year = amended.year
            and amended.recency = 1
    left join annual_targets
        on
            framed.plan_id = annual_targets.plan_id
            and framed.indicator_code = annual_targets.indicator_code
            and framed.year = annual_targets.year
)

select
    plan_id,
    indicator_code,
    year,
    region_code,
    baseline_year,
    start_year,
    target_year,
    plan_span,
    unit,
    is_binding,
    direction,
    path_type,
    baseline_value as published_baseline_value,
    case
        when kind_in_force = 'qualitative' or path_type = 'annual_rate' then null
        else value_in_force
    end as target_value,
    kind_in_force as target_kind,
    text_in_force as target_text,
    case when kind_in_force = 'qualitative' then 'qualitative' else status_in_force end as target_status,
    case
        when path_type = 'annual_rate' and kind_in_force <> 'qualitative'
            then
                coalesce(
                    annual_target_value,
                    case when amendment_no is not null then value_in_force end,
                    target_annual_rate
                )
    end as target_annual_rate,
    case when path_type <> 'annual_rate' and kind_in_force <> 'qualitative' then annual_target_value end
        as annual_target_value,
    target_value as original_target_value,
    target_annual_rate as original_target_annual_rate,
    target_kind as original_target_kind,
    target_text as original_target_text,
    target_status as original_target_status,
    amendment_no as target_amendment_no,
    effective_on as target_effective_on,
    document_no as target_document_no
from in_force
