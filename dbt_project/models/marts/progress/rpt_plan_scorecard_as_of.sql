{#-
    The scorecard as of each plan year: per indicator, region and as-of year, its status in
    the latest year with data up to that year, for the plan region and every region with
    data. A monitoring report of any evaluation year reads its rows from here.
-#}
with indicators as (
    select * from {{ ref('dim_indicator') }}
),

paths as (
    select * from {{ ref('fct_indicator_expected_path') }}
),

progress as (
    select * from {{ ref('fct_indicator_progress') }}
    where has_data
),

status_codes as (
    select * from {{ ref('dim_progress_status') }}
),

as_of_years as (
    {%- for as_of_year in range(var('plan_start_year'), var('plan_end_year') + 1) %}
        select {{ as_of_year }} as as_of_year
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
),

spine as (
    select
        paths.indicator_code,
        paths.region_code,
        as_of_years.as_of_year,
        paths.baseline_value,
        paths.baseline_source,
        paths.target_value,
        paths.target_status,
        paths.target_annual_rate
    from paths
    inner join as_of_years
        on paths.year = as_of_years.as_of_year
),

ranked as (
    select
        spine.as_of_year,
        progress.*,
        row_number() over (
            partition by progress.indicator_code, progress.region_code, spine.as_of_year
            order by progress.year desc
        ) as recency,
        count(*) over (
            partition by progress.indicator_code, progress.region_code, spine.as_of_year
        ) as years_with_data
    from spine
    inner join progress
        on
            spine.indicator_code = progress.indicator_code
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
        spine.target_status,
        spine.target_annual_rate,
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
        latest.on_track_tolerance_share,
        coalesce(latest.years_with_data, 0) as years_with_data,
        previous.year as previous_year,
        previous.status_code as previous_status_code,
        coalesce(latest.status_code, 'no_data') as status_code,
        status_codes.status_zh,
        status_codes.status_en,
        status_codes.status_sort_order
    from spine
    inner join indicators
        on spine.indicator_code = indicators.indicator_code
    left join latest
        on
            spine.indicator_code = latest.indicator_code
            and spine.region_code = latest.region_code
            and spine.as_of_year = latest.as_of_year
    left join previous
        on
            spine.indicator_code = previous.indicator_code
            and spine.region_code = previous.region_code
            and spine.as_of_year = previous.as_of_year
    left join status_codes
        on coalesce(latest.status_code, 'no_data') = status_codes.status_code
)

select * from final
