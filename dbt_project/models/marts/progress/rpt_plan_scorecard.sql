{#-
    One row per plan and indicator: its status in the latest year of the plan with data; the
    as-of year of rpt_plan_scorecard_as_of that is the plan's end year. Its baseline is the
    one the latest assessment used (the path's baseline), so null while an indicator has no
    data.
-#}
with plans as (
    select * from {{ ref('stg_plan__plans') }}
),

scorecards as (
    select scorecards.*
    from {{ ref('rpt_plan_scorecard_as_of') }} as scorecards
    inner join plans
        on
            scorecards.plan_id = plans.plan_id
            and scorecards.as_of_year = plans.end_year
),

final as (
    select
        plan_id,
        indicator_code,
        region_code,
        indicator_seq,
        category_zh,
        category_en,
        indicator_name_zh,
        indicator_name_en,
        unit,
        attribute_zh,
        attribute_en,
        is_binding,
        direction,
        path_type,
        department_code,
        case when latest_year is not null then baseline_value end as baseline_value,
        case when latest_year is not null then baseline_source end as baseline_source,
        target_value,
        target_kind,
        target_text,
        target_status,
        original_target_value,
        target_amendment_no,
        target_annual_rate,
        latest_year,
        latest_value,
        expected_value,
        share_of_planned_change_achieved,
        expected_share_of_planned_change,
        progress_gap_share,
        required_cagr_pct,
        actual_cagr_pct,
        yoy_growth_pct,
        annual_rate_gap_pp,
        constraint_margin,
        is_target_reached,
        years_with_data,
        previous_year,
        previous_status_code,
        status_code,
        status_zh,
        status_en,
        status_sort_order,
        outlook_formula,
        remaining_years,
        required_cagr_remaining_pct,
        required_annual_change_remaining,
        actual_annual_change,
        best_annual_growth_pct,
        best_annual_change,
        projected_end_value,
        projected_end_margin,
        outlook_rate_gap,
        best_rate_gap,
        outlook_tolerance,
        outlook_cagr_tolerance_pp,
        outlook_change_tolerance_share,
        warning_rule,
        warning_level,
        warning_zh,
        warning_en,
        warning_sort_order
    from scorecards
)

select * from final
