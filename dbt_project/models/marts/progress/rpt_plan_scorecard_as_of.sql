{#-
    The scorecard of every plan as of each of its plan years: per indicator, region and as-of
    year, its status in the latest year of the plan with data up to that year, against the
    target in force in the as-of year. A monitoring report of any evaluation year reads its
    rows from here.
-#}
with indicators as (
    select * from {{ ref('dim_indicator') }}
),

paths as (
    select * from {{ ref('fct_indicator_expected_path') }}
),

targets as (
    select * from {{ ref('int_indicator_targets_in_force') }}
    where year between start_year and target_year
),

progress as (
    select * from {{ ref('fct_indicator_progress') }}
    where has_data
),

status_codes as (
    select * from {{ ref('dim_progress_status') }}
),

spine as (
    select
        targets.plan_id,
        targets.indicator_code,
        targets.region_code,
        targets.year as as_of_year,
        paths.baseline_value,
        paths.baseline_source,
        targets.target_value,
        targets.target_kind,
        targets.target_text,
        targets.target_status,
        targets.original_target_value,
        targets.target_amendment_no,
        targets.target_annual_rate
    from targets
    inner join paths
        on
            targets.plan_id = paths.plan_id
            and targets.indicator_code = paths.indicator_code
            and targets.year = paths.year
),

ranked as (
    select
        spine.as_of_year,
        progress.*,
        row_number() over (
            partition by progress.plan_id, progress.indicator_code, spine.as_of_year
            order by progress.year desc
        ) as recency,
        count(*) over (
            partition by progress.plan_id, progress.indicator_code, spine.as_of_year
        ) as years_with_data
    from spine
    inner join progress
        on
            spine.plan_id = progress.plan_id
            and spine.indicator_code = progress.indicator_code
            and spine.region_code = progress.region_code
            and spine.as_of_year >= progress.year
),

latest as (
    select * from ranked
    where recency = 1
),

previous as (
    select * from ranked
    where recency = 2
),

final as (
    select
        spine.indicator_code,
        spine.region_code,
        spine.as_of_year,
        spine.plan_id,
        indicators.indicator_seq,
        indicators.category_zh,
        indicators.category_en,
        indicators.name_zh as indicator_name_zh,
        indicators.name_en as indicator_name_en,
        indicators.unit,
        indicators.attribute_zh,
        indicators.attribute_en,
        indicators.is_binding,
        indicators.direction,
        indicators.path_type,
        indicators.department_code,
        spine.baseline_value,
        spine.baseline_source,
        spine.target_value,
        spine.target_kind,
        spine.target_text,
        spine.target_status,
        spine.original_target_value,
        spine.target_amendment_no,
        spine.target_annual_rate,
        latest.year as latest_year,
        latest.actual_value as latest_value,
        latest.expected_value,
        latest.share_of_planned_change_achieved,
        latest.expected_share_of_planned_change,
        latest.progress_gap_share,
        latest.required_cagr_pct,
        latest.actual_cagr_pct,
        latest.yoy_growth_pct,
        latest.annual_rate_gap_pp,
        latest.constraint_margin,
        latest.is_target_reached,
        latest.on_track_tolerance_share,
        coalesce(latest.years_with_data, 0) as years_with_data,
        previous.year as previous_year,
        previous.status_code as previous_status_code,
        coalesce(latest.status_code, 'no_data') as status_code,
        status_codes.status_zh,
        status_codes.status_en,
        status_codes.status_sort_order,
        latest.outlook_formula,
        latest.remaining_years,
        latest.required_cagr_remaining_pct,
        latest.required_annual_change_remaining,
        latest.actual_annual_change,
        latest.best_annual_growth_pct,
        latest.best_annual_change,
        latest.projected_end_value,
        latest.projected_end_margin,
        latest.outlook_rate_gap,
        latest.best_rate_gap,
        latest.outlook_tolerance,
        latest.outlook_cagr_tolerance_pp,
        latest.outlook_change_tolerance_share,
        latest.warning_rule,
        latest.warning_level,
        latest.warning_zh,
        latest.warning_en,
        latest.warning_sort_order
    from spine
    inner join indicators
        on
            spine.plan_id = indicators.plan_id
            and spine.indicator_code = indicators.indicator_code
    left join latest
        on
            spine.plan_id = latest.plan_id
            and spine.indicator_code = latest.indicator_code
            and spine.region_code = latest.region_code
            and spine.as_of_year = latest.as_of_year
    left join previous
        on
            spine.plan_id = previous.plan_id
            and spine.indicator_code = previous.indicator_code
            and spine.region_code = previous.region_code
            and spine.as_of_year = previous.as_of_year
    left join status_codes
        on coalesce(latest.status_code, 'no_data') = status_codes.status_code
)

select * from final
