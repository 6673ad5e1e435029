{#-
    One row per indicator of the plan: its status in the latest year with data, for the plan
    region; the latest as-of year of rpt_plan_scorecard_as_of. Its baseline is the one the
    latest assessment used (the path's baseline), so null while an indicator has no data.
-#}
with scorecards as (
    select * from {{ ref('rpt_plan_scorecard_as_of') }}
    where
        region_code = '{{ var("default_region_code") }}'
        and as_of_year = {{ var('plan_end_year') }}
),

final as (
    select
        indicator_code,
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
        target_status,
        target_annual_rate,
        latest_year,
        latest_value,
        expected_value,
        share_of_planned_change_achieved,
        expected_share_of_planned_change,
        progress_gap_share,
        required_cagr_pct,
        actual_cagr_pct,
        annual_rate_gap_pp,
        constraint_margin,
        is_target_reached,
        years_with_data,
        previous_year,
        previous_status_code,
        status_code,
        status_zh,
        status_en,
        status_sort_order
    from scorecards
)

select * from final
