{#-
    The outlook of every indicator observation (docs/methodology.md, Outlook and early warning):
    what the years left to the plan's end year require, the rate achieved so far, where that
    trend leads by the end year, and the warning level. Compound paths are judged by growth
    rates, linear paths, floors and ceilings by changes a year; annual-rate, pending,
    qualitative and unreported rows get no outlook. Each step reads the rounded columns of
    the step before, so a warning can be re-derived from the row.
-#}
with assessed as (
    select * from {{ ref('int_progress_statuses_assessed') }}
    where subject_type = 'indicator'
),

plans as (
    select * from {{ ref('stg_plan__plans') }}
),

thresholds as (
    select * from {{ ref('int_status_thresholds_pivoted') }}
),

warning_levels as (
    select * from {{ ref('stg_methodology__warning_levels') }}
),

baseline_points as (
    select
        plan_id,
        subject_code,
        region_code,
        baseline_year as year,
        max(baseline_value) as point_value
    from assessed
    where baseline_value is not null
    group by plan_id, subject_code, region_code, baseline_year
),

points as (
    select
        plan_id,
        subject_code,
        region_code,
        year,
        point_value
    from baseline_points
    union all
    select
        plan_id,
        subject_code,
        region_code,
        year,
        actual_value as point_value
    from assessed
    where actual_value is not null
),

previous_points as (
    select
        *,
        lag(year) over (partition by plan_id, subject_code, region_code order by year) as previous_year,
        lag(point_value) over (
            partition by plan_id, subject_code, region_code order by year
        ) as previous_value
    from points
),

steps as (
    {#- One step per pair of consecutive reported years (the baseline first), annualised over a gap. #}
    select
        plan_id,
        subject_code,
        region_code,
        year,
        case
            when point_value > 0 and previous_value > 0
                then (power(point_value / previous_value, 1.0 / (year - previous_year)) - 1) * 100
        end as step_growth_pct,
        (point_value - previous_value) / (year - previous_year) as step_change
    from previous_points
    where previous_year is not null
),

framed as (
    select
        assessed.plan_id,
        assessed.subject_code,
        assessed.region_code,
        assessed.year,
        assessed.actual_value,
        assessed.baseline_value,
        assessed.target_value,
        assessed.years_elapsed,
        assessed.path_span,
        assessed.actual_cagr_pct,
        assessed.is_binding,
        assessed.is_target_reached,
        plans.end_year - assessed.year as remaining_years,
        case
            when assessed.path_type = 'floor' then 1
            when assessed.path_type = 'ceiling' then -1
            when assessed.direction = 'decrease' then -1
            else 1
        end as better_sign,
        case
            when
                assessed.actual_value is null
                or assessed.target_value is null
                or assessed.target_kind = 'qualitative'
                or assessed.path_type = 'annual_rate'
                then null
            when
                assessed.path_type = 'compound'
                and assessed.actual_value > 0
                and assessed.target_value > 0
                and coalesce(assessed.baseline_value, 1) > 0
                then 'compound'
            else 'linear'
        end as outlook_formula,
        cast(
            case
                when
                    assessed.path_type <> 'annual_rate'
                    and assessed.years_elapsed > 0
                    then (assessed.actual_value - assessed.baseline_value) / assessed.years_elapsed
            end as {{ measure_type() }}
        ) as actual_annual_change,
        thresholds.outlook_cagr_tolerance_pp,
        thresholds.outlook_change_tolerance_share,
        thresholds.binding_tolerance_share
    from assessed
    inner join plans
        on assessed.plan_id = plans.plan_id
    cross join thresholds
),

best_steps as (
    select
        framed.plan_id,
        framed.subject_code,
        framed.year,
        cast(
            framed.better_sign * max(framed.better_sign * steps.step_growth_pct) as {{ measure_type() }}
        ) as best_annual_growth_pct,
        cast(framed.better_sign * max(framed.better_sign * steps.step_change) as {{ measure_type() }})
            as best_annual_change
    from framed
    inner join steps
        on
            framed.plan_id = steps.plan_id
            and framed.subject_code = steps.subject_code
            and framed.region_code = steps.region_code
            and framed.year >= steps.year
    where framed.outlook_formula is not null
    group by framed.plan_id, framed.subject_code, framed.year, framed.better_sign
),

required as (
    select
        framed.*,
        case when framed.outlook_formula = 'compound' then best_steps.best_annual_growth_pct end
            as best_annual_growth_pct,
        case when framed.outlook_formula = 'linear' then best_steps.best_annual_change end as best_annual_change,
        cast(
            case
                when
                    framed.outlook_formula = 'compound'
                    and framed.remaining_years > 0
                    then (power(framed.target_value / framed.actual_value, 1.0 / framed.remaining_years) - 1) * 100
            end as {{ measure_type() }}
        ) as required_cagr_remaining_pct,
        cast(
            case
                when framed.outlook_formula = 'linear' and framed.remaining_years > 0
                    then (framed.target_value - framed.actual_value) / framed.remaining_years
            end as {{ measure_type() }}
        ) as required_annual_change_remaining,
        cast(
            case
                when framed.outlook_formula = 'compound'
                    then framed.actual_value * power(1 + framed.actual_cagr_pct / 100, framed.remaining_years)
                when framed.outlook_formula = 'linear'
                    then framed.actual_value + framed.actual_annual_change * framed.remaining_years
            end as {{ measure_type() }}
        ) as projected_end_value,
        cast(
            case
                when framed.outlook_formula = 'compound' then framed.outlook_cagr_tolerance_pp
                when framed.outlook_formula = 'linear' and framed.is_binding
                    then framed.binding_tolerance_share
                when framed.outlook_formula = 'linear'
                    then
                        framed.outlook_change_tolerance_share
                        * abs(framed.target_value - framed.baseline_value) / framed.path_span
            end as {{ measure_type() }}
        ) as outlook_tolerance
    from framed
    left join best_steps
        on
            framed.plan_id = best_steps.plan_id
            and framed.subject_code = best_steps.subject_code
            and framed.year = best_steps.year
),

gaps as (
    select
        *,
        cast(better_sign * (projected_end_value - target_value) as {{ measure_type() }}) as projected_end_margin,
        cast(
            case
                when outlook_formula = 'compound'
                    then better_sign * (required_cagr_remaining_pct - actual_cagr_pct)
                when outlook_formula = 'linear'
                    then better_sign * (required_annual_change_remaining - actual_annual_change)
            end as {{ measure_type() }}
        ) as outlook_rate_gap,
        cast(
            case
                when outlook_formula = 'compound'
                    then better_sign * (required_cagr_remaining_pct - best_annual_growth_pct)
                when outlook_formula = 'linear'
                    then better_sign * (required_annual_change_remaining - best_annual_change)
            end as {{ measure_type() }}
        ) as best_rate_gap
    from required
),

warned as (
    select
        *,
        case
            when outlook_formula is null then null
            when remaining_years <= 0 and is_target_reached then 'end_year_reached'
            when remaining_years <= 0 then 'end_year_missed'
            when projected_end_value is null then null
            when is_binding and projected_end_margin < 0 then 'binding_projection_short'
            when is_target_reached then 'target_reached'
            when outlook_rate_gap > outlook_tolerance and best_rate_gap > 0 then 'beyond_best_achieved'
            when outlook_rate_gap > outlook_tolerance then 'rate_gap_beyond_tolerance'
            else 'on_course'
        end as warning_rule
    from gaps
),

leveled as (
    select
        *,
        case
            when warning_rule in ('binding_projection_short', 'beyond_best_achieved') then 'red'
            when warning_rule = 'end_year_missed' and is_binding then 'red'
            when warning_rule in ('end_year_missed', 'rate_gap_beyond_tolerance') then 'yellow'
            when warning_rule is not null then 'green'
        end as warning_level
    from warned
),

final as (
    select
        leveled.plan_id,
        leveled.subject_code as indicator_code,
        leveled.region_code,
        leveled.year,
        leveled.outlook_formula,
        leveled.remaining_years,
        leveled.required_cagr_remaining_pct,
        leveled.required_annual_change_remaining,
        leveled.actual_annual_change,
        leveled.best_annual_growth_pct,
        leveled.best_annual_change,
        leveled.projected_end_value,
        leveled.projected_end_margin,
        leveled.outlook_rate_gap,
        leveled.best_rate_gap,
        leveled.outlook_tolerance,
        leveled.outlook_cagr_tolerance_pp,
        leveled.outlook_change_tolerance_share,
        leveled.warning_rule,
        leveled.warning_level,
        warning_levels.warning_zh,
        warning_levels.warning_en,
        warning_levels.warning_sort_order
    from leveled
    left join warning_levels
        on leveled.warning_level = warning_levels.warning_level
)

select * from final
