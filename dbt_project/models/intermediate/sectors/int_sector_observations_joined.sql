{#-
    One row per sector, region and plan year to assess, shaped like the indicator
    observations: every sector for the plan region in each plan year up to the latest
    year any sector was reported for, plus other regions with data. A sector's path runs
    from its submitted 2020 output (the plan publishes none) to the 2025 output target
    the text states, on a compound path, increasing.
-#}
with sectors as (
    select * from {{ ref('stg_plan__sectors') }}
),

output_targets as (
    select * from {{ ref('stg_plan__sector_targets') }}
    where metric = 'output_value' and target_year = {{ var('plan_end_year') }}
),

current_outputs as (
    select * from {{ ref('int_sector_outputs_revisioned') }}
    where is_current
),

plan_outputs as (
    select * from current_outputs
    where year between {{ var('plan_start_year') }} and {{ var('plan_end_year') }}
),

submitted_baselines as (
    select
        sector_code,
        region_code,
        output_value as submitted_baseline_value
    from current_outputs
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
    select max(year) as latest_year from plan_outputs
),

spine as (
    select
        sectors.sector_code,
        '{{ var("default_region_code") }}' as region_code,
        plan_years.year
    from sectors
    cross join plan_years
    inner join reporting_year
        on plan_years.year <= reporting_year.latest_year
    union
    select
        sector_code,
        region_code,
        year
    from plan_outputs
),

joined as (
    select
        'sector' as subject_type,
        spine.sector_code as subject_code,
        spine.region_code,
        spine.year,
        cast(plan_outputs.output_value as {{ measure_type() }}) as actual_value,
        plan_outputs.sector_output_id as source_value_id,
        plan_outputs.submission_id,
        plan_outputs.revision_count,
        coalesce(output_targets.unit, '亿元') as unit,
        'increase' as direction,
        'compound' as path_type,
        false as is_binding,
        cast(submitted_baselines.submitted_baseline_value as {{ measure_type() }}) as baseline_value,
        case
            when submitted_baselines.submitted_baseline_value is not null then 'submitted'
            else 'absent'
        end as baseline_source,
        case
            when spine.region_code = '{{ var("default_region_code") }}' then output_targets.target_value
        end as target_value,
        case
            when
                spine.region_code = '{{ var("default_region_code") }}'
                and output_targets.target_value is not null
                then 'set'
            else 'not_set'
        end as target_status,
        cast(null as {{ measure_type() }}) as target_annual_rate
    from spine
    inner join sectors
        on spine.sector_code = sectors.sector_code
    left join output_targets
        on spine.sector_code = output_targets.sector_code
    left join plan_outputs
        on
            spine.sector_code = plan_outputs.sector_code
            and spine.region_code = plan_outputs.region_code
            and spine.year = plan_outputs.year
    left join submitted_baselines
        on
            spine.sector_code = submitted_baselines.sector_code
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
    baseline_value,
    baseline_source,
    target_value,
    target_status,
    target_annual_rate
from joined
