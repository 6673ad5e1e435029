{#-
    The planned path of every plan indicator, for the charts and for analysts: one row per
    plan, indicator and year from the plan's baseline year to its end year, for the plan's
    region, with the value expected on the path (macros/planned_path.sql, the formula the
    statuses use) towards the target in force that year. The baseline is the one
    fct_indicator_progress assessed with; before anything was reported, the plan's own. An
    annual-rate indicator's path is its target rate in every plan year.
-#}
with indicators as (
    select * from {{ ref('dim_indicator') }}
),

targets as (
    select * from {{ ref('int_indicator_targets_in_force') }}
),

progress as (
    select * from {{ ref('fct_indicator_progress') }}
),

assessed_baselines as (
    select
        plan_id,
        indicator_code,
        max(baseline_value) as baseline_value,
        max(baseline_source) as baseline_source
    from progress
    group by plan_id, indicator_code
),

framed as (
    select
        targets.plan_id,
        targets.indicator_code,
        targets.region_code,
        targets.year,
        indicators.indicator_seq,
        indicators.name_zh as indicator_name_zh,
        indicators.name_en as indicator_name_en,
        targets.unit,
        targets.direction,
        targets.path_type,
        targets.is_binding,
        targets.baseline_year,
        coalesce(assessed_baselines.baseline_value, targets.published_baseline_value) as baseline_value,
        case
            when assessed_baselines.plan_id is not null then assessed_baselines.baseline_source
            when targets.published_baseline_value is not null then 'published'
            else 'absent'
        end as baseline_source,
        targets.target_year,
        targets.target_value,
        targets.target_kind,
        targets.target_status,
        targets.target_annual_rate,
        targets.annual_target_value,
        targets.year - targets.baseline_year as years_elapsed,
        targets.plan_span,
        targets.start_year
    from targets
    inner join indicators
        on
            targets.plan_id = indicators.plan_id
            and targets.indicator_code = indicators.indicator_code
    left join assessed_baselines
        on
            targets.plan_id = assessed_baselines.plan_id
            and targets.indicator_code = assessed_baselines.indicator_code
),

formulas as (
    select
        *,
        coalesce(
            {{ path_formula('path_type', 'baseline_value', 'target_value', 'annual_target_value') }},
            case
                when path_type = 'annual_rate' and target_annual_rate is not null
                    then 'annual_rate'
            end
        ) as path_formula
    from framed
),

final as (
    select
        plan_id,
        indicator_code,
        region_code,
        year,
        indicator_seq,
        indicator_name_zh,
        indicator_name_en,
        unit,
        direction,
        path_type,
        is_binding,
        baseline_year,
        baseline_value,
        baseline_source,
        target_year,
        target_value,
        target_kind,
        target_status,
        target_annual_rate,
        years_elapsed,
        path_formula,
        case
            when path_formula in ('annual_rate', 'flat_target', 'annual_target') and year < start_year then null
            when path_formula = 'annual_rate' then target_annual_rate
            else {{ path_value('path_formula', 'baseline_value', 'target_value', 'years_elapsed', 'plan_span', 'annual_target_value') }}
        end as expected_value
    from formulas
)

select * from final
