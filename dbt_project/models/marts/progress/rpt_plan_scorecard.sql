{#- One row per indicator of the plan: its status in the latest year with data, for the plan region. -#}
with indicators as (
    select * from {{ ref('dim_indicator') }}
),

progress as (
    select * from {{ ref('fct_indicator_progress') }}
    where region_code = '{{ var("default_region_code") }}'
),

status_codes as (
    select * from {{ ref('stg_methodology__status_codes') }}
),

ranked as (
    select
        *,
        row_number() over (partition by indicator_code order by year desc) as recency,
        count(*) over (partition by indicator_code) as years_with_data
    from progress
    where has_data
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
        indicators.indicator_code,
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
        latest.baseline_value,
        latest.baseline_source,
        indicators.target_value,
        indicators.target_status,
        indicators.target_annual_rate,
        latest.year as latest_year,
        latest.actual_value as latest_value,
        latest.expected_value,
        latest.share_of_planned_change_achieved,
        latest.expected_share_of_planned_change,
        latest.progress_gap_share,
        latest.required_cagr_pct,
        latest.actual_cagr_pct,
        latest.annual_rate_gap_pp,
        latest.constraint_margin,
        latest.is_target_reached,
        coalesce(latest.years_with_data, 0) as years_with_data,
        previous.year as previous_year,
        previous.status_code as previous_status_code,
        coalesce(latest.status_code, 'no_data') as status_code,
        status_codes.status_zh,
        status_codes.status_en,
        status_codes.status_sort_order
    from indicators
    left join latest
        on indicators.indicator_code = latest.indicator_code
    left join previous
        on indicators.indicator_code = previous.indicator_code
    left join status_codes
        on coalesce(latest.status_code, 'no_data') = status_codes.status_code
)

select * from final
