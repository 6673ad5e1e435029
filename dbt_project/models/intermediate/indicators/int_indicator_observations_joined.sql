{#-
    One row per indicator, region and plan year to assess: every indicator for the plan
    region in each plan year up to the latest year any indicator was reported for (no
    data is a finding), plus every other region and year with data. The plan's baseline
    and target apply to the plan region; a submitted 2020 value stands in for a baseline
    the plan does not publish.
-#}
with indicators as (
    select * from {{ ref('stg_plan__indicators') }}
),

semantics as (
    select * from {{ ref('stg_plan__indicator_semantics') }}
),

current_values as (
    select * from {{ ref('int_indicator_values_revisioned') }}
    where is_current
),

plan_values as (
    select * from current_values
    where year between {{ var('plan_start_year') }} and {{ var('plan_end_year') }}
),

submitted_baselines as (
    select
        indicator_code,
        region_code,
        value as submitted_baseline_value
    from current_values
    where year = {{ var('plan_baseline_year') }}
),

plan_years as (
    {%- for plan_year in range(var('plan_start_year'), var('plan_end_year') + 1) %}
        select {{ plan_year }} as year
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
),

reporting_year as (
    select max(year) as latest_year from plan_values
),

spine as (
    select
        indicators.indicator_code,
        '{{ var("default_region_code") }}' as region_code,
        plan_years.year
    from indicators
    cross join plan_years
    inner join reporting_year
        on plan_years.year <= reporting_year.latest_year
    union
    select
        indicator_code,
        region_code,
        year
    from plan_values
),

joined as (
    select
        'indicator' as subject_type,
        spine.indicator_code as subject_code,
        spine.region_code,
        spine.year,
        plan_values.value as actual_value,
        plan_values.indicator_value_id as source_value_id,
        plan_values.submission_id,
        plan_values.revision_count,
        indicators.unit,
        semantics.direction,
        semantics.path_type,
        indicators.is_binding,
        case
            when spine.region_code = '{{ var("default_region_code") }}' then indicators.baseline_value
        end as published_baseline_value,
        submitted_baselines.submitted_baseline_value,
        case
            when spine.region_code = '{{ var("default_region_code") }}' then indicators.target_value
        end as target_value,
        case
            when spine.region_code = '{{ var("default_region_code") }}' then indicators.target_status
            else 'not_set'
        end as target_status,
        case
            when spine.region_code = '{{ var("default_region_code") }}' then semantics.target_annual_rate
        end as target_annual_rate
    from spine
    inner join indicators
        on spine.indicator_code = indicators.indicator_code
    left join semantics
        on spine.indicator_code = semantics.indicator_code
    left join plan_values
        on
            spine.indicator_code = plan_values.indicator_code
            and spine.region_code = plan_values.region_code
            and spine.year = plan_values.year
    left join submitted_baselines
        on
            spine.indicator_code = submitted_baselines.indicator_code
            and spine.region_code = submitted_baselines.region_code
)

select
    subject_type,
    subject_code,
    region_code,
    year,
    actual_value,
    source_value_id,
    submission_id,
    revision_count,
    unit,
    direction,
    path_type,
    is_binding,
    coalesce(published_baseline_value, submitted_baseline_value) as baseline_value,
    case
        when published_baseline_value is not null then 'published'
        when submitted_baseline_value is not null then 'submitted'
        else 'absent'
    end as baseline_source,
    target_value,
    target_status,
    target_annual_rate
from joined
