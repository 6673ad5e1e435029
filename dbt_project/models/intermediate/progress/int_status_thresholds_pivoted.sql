{#- The status thresholds as one row, one column per threshold, to cross join onto assessments. -#}
with thresholds as (
    select * from {{ ref('stg_methodology__status_thresholds') }}
),

pivoted as (
    select
        max(
            case when threshold_code = 'on_track_tolerance_share' then threshold_value end
        ) as on_track_tolerance_share,
        max(
            case when threshold_code = 'annual_rate_tolerance_pp' then threshold_value end
        ) as annual_rate_tolerance_pp,
        max(
            case when threshold_code = 'binding_tolerance_share' then threshold_value end
        ) as binding_tolerance_share,
        max(
            case when threshold_code = 'outlook_cagr_tolerance_pp' then threshold_value end
        ) as outlook_cagr_tolerance_pp,
        max(
            case when threshold_code = 'outlook_change_tolerance_share' then threshold_value end
        ) as outlook_change_tolerance_share,
        cast(
            max(case when threshold_code = 'project_stall_months' then threshold_value end) as integer
        ) as project_stall_months
    from thresholds
)

select * from pivoted
