{#-
    The planned path of every indicator, for the charts and for analysts: one row per
    indicator, region and year from the baseline year to the plan's end year, with the
    value expected on the path (macros/planned_path.sql, the formula the statuses use).
    Baseline and target are those fct_indicator_progress assessed with; for the plan region
    before anything was reported, the plan's own. An annual-rate indicator's path is its
    target rate in every plan year.
-#}
{%- set baseline_year = var('plan_baseline_year') -%}
{%- set start_year = var('plan_start_year') -%}
{%- set end_year = var('plan_end_year') -%}

with indicators as (
    select * from {{ ref('dim_indicator') }}
),

progress as (
    select * from {{ ref('fct_indicator_progress') }}
),

assessed_subjects as (
    select
        indicator_code,
        region_code,
        max(baseline_value) as baseline_value,
        max(baseline_source) as baseline_source,
        max(target_value) as target_value,
        max(target_status) as target_status,
        max(target_annual_rate) as target_annual_rate
    from progress
    group by indicator_code, region_code
),

unassessed_plan_subjects as (
    select
        indicators.indicator_code,
        '{{ var("default_region_code") }}' as region_code,
        indicators.baseline_value,
        case when indicators.baseline_value is not null then 'published' else 'absent' end as baseline_source,
        indicators.target_value,
        indicators.target_status,
        indicators.target_annual_rate
    from indicators
    left join assessed_subjects
        on
            indicators.indicator_code = assessed_subjects.indicator_code
            and assessed_subjects.region_code = '{{ var("default_region_code") }}'
    where assessed_subjects.indicator_code is null
),

subjects as (
    select * from assessed_subjects
    union all
    select * from unassessed_plan_subjects
),

path_years as (
    {%- for path_year in range(baseline_year, end_year + 1) %}
        select {{ path_year }} as year
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
),

framed as (
    select
        subjects.indicator_code,
        subjects.region_code,
        path_years.year,
        indicators.indicator_seq,
        indicators.name_zh as indicator_name_zh,
        indicators.name_en as indicator_name_en,
        indicators.unit,
        indicators.direction,
        indicators.path_type,
        indicators.is_binding,
        {{ baseline_year }} as baseline_year,
        subjects.baseline_value,
        subjects.baseline_source,
        {{ end_year }} as target_year,
        subjects.target_value,
        subjects.target_status,
        subjects.target_annual_rate,
        path_years.year - {{ baseline_year }} as years_elapsed,
        coalesce(
            {{ path_formula('indicators.path_type', 'subjects.baseline_value', 'subjects.target_value') }},
            case
                when indicators.path_type = 'annual_rate' and subjects.target_annual_rate is not null
                    then 'annual_rate'
            end
        ) as path_formula
    from subjects
    inner join indicators
        on subjects.indicator_code = indicators.indicator_code
    cross join path_years
),

final as (
    select
        *,
        case
            when path_formula in ('annual_rate', 'flat_target') and year < {{ start_year }} then null
            when path_formula = 'annual_rate' then target_annual_rate
            else {{ path_value('path_formula', 'baseline_value', 'target_value', 'years_elapsed') }}
        end as expected_value
    from framed
)

select * from final
