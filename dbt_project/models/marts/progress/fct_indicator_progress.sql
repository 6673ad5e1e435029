with assessed as (
    select * from {{ ref('int_progress_statuses_assessed') }}
    where subject_type = 'indicator'
),

indicators as (
    select * from {{ ref('stg_plan__indicators') }}
),

status_codes as (
    select * from {{ ref('stg_methodology__status_codes') }}
),

outlooks as (
    select * from {{ ref('int_indicator_outlooks_assessed') }}
),

final as (
    select
        assessed.subject_code as indicator_code,
        indicators.indicator_seq,
        indicators.name_zh as indicator_name_zh,
        indicators.name_en as indicator_name_en,
        assessed.unit,
        assessed.region_code,
        assessed.year,
        assessed.plan_id,
        assessed.actual_value is not null as has_data,
        assessed.actual_value,
        assessed.source_value_id as indicator_value_id,
        assessed.submission_id,
        assessed.revision_count,
        assessed.direction,
        assessed.path_type,
        assessed.is_binding,
        assessed.baseline_year,
        assessed.baseline_value,
        assessed.baseline_source,
        assessed.target_year,
        assessed.target_value,
        assessed.target_kind,
        assessed.target_text,
        assessed.target_status,
        assessed.original_target_value,
        assessed.target_amendment_no,
        assessed.target_annual_rate,
        assessed.original_target_annual_rate,
        assessed.annual_target_value,
        assessed.years_elapsed,
        assessed.time_share,
        assessed.path_formula,
        assessed.expected_value,
        assessed.planned_change,
        assessed.actual_change,
        assessed.share_of_planned_change_achieved,
        assessed.expected_share_of_planned_change,
        assessed.progress_gap_share,
        assessed.required_cagr_pct,
        assessed.actual_cagr_pct,
        assessed.previous_year_value,
        assessed.yoy_growth_pct,
        assessed.annual_rate_gap_pp,
        assessed.constraint_margin,
        assessed.is_target_reached,
        assessed.on_track_tolerance_share,
        assessed.annual_rate_tolerance_pp,
        assessed.binding_tolerance_share,
        assessed.tolerance_value,
        assessed.status_code,
        status_codes.status_zh,
        status_codes.status_en,
        status_codes.status_sort_order,
        outlooks.outlook_formula,
        outlooks.remaining_years,
        outlooks.required_cagr_remaining_pct,
        outlooks.required_annual_change_remaining,
        outlooks.actual_annual_change,
        outlooks.best_annual_growth_pct,
        outlooks.best_annual_change,
        outlooks.projected_end_value,
        outlooks.projected_end_margin,
        outlooks.outlook_rate_gap,
        outlooks.best_rate_gap,
        outlooks.outlook_tolerance,
        outlooks.outlook_cagr_tolerance_pp,
        outlooks.outlook_change_tolerance_share,
        outlooks.warning_rule,
        outlooks.warning_level,
        outlooks.warning_zh,
        outlooks.warning_en,
        outlooks.warning_sort_order
    from assessed
    inner join indicators
        on
            assessed.plan_id = indicators.plan_id
            and assessed.subject_code = indicators.indicator_code
    left join status_codes
        on assessed.status_code = status_codes.status_code
    left join outlooks
        on
            assessed.plan_id = outlooks.plan_id
            and assessed.subject_code = outlooks.indicator_code
            and assessed.year = outlooks.year
)

select * from final
