{#-
    The sectors as of each plan year: per sector, region and as-of year, the latest output
    reported up to that year against the plan's 2025 output target, with its share of the
    planned change achieved and status from fct_sector_output, for the plan region and every
    region with data.
-#}
with sectors as (
    select * from {{ ref('dim_sector') }}
),

outputs as (
    select * from {{ ref('fct_sector_output') }}
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

regions as (
    select '{{ var("default_region_code") }}' as region_code
    union
    select distinct region_code from outputs
),

spine as (
    select
        sectors.sector_code,
        regions.region_code,
        as_of_years.as_of_year
    from sectors
    cross join regions
    cross join as_of_years
),

ranked as (
    select
        spine.as_of_year,
        outputs.*,
        row_number() over (
            partition by outputs.sector_code, outputs.region_code, spine.as_of_year
            order by outputs.year desc
        ) as recency
    from spine
    inner join outputs
        on
            spine.sector_code = outputs.sector_code
            and spine.region_code = outputs.region_code
            and spine.as_of_year >= outputs.year
    where outputs.has_data
),

latest as (
    select * from ranked
    where recency = 1
),

final as (
    select
        spine.sector_code,
        spine.region_code,
        spine.as_of_year,
        sectors.name_zh as sector_name_zh,
        sectors.name_en as sector_name_en,
        sectors.sector_group,
        sectors.output_target_2025,
        sectors.output_target_unit,
        sectors.output_target_comparison,
        sectors.enterprises_target_2025,
        latest.year as latest_year,
        latest.output_value,
        latest.enterprises,
        latest.baseline_value,
        latest.expected_value,
        latest.share_of_planned_change_achieved,
        latest.expected_share_of_planned_change,
        latest.is_target_reached,
        coalesce(latest.status_code, 'no_data') as status_code,
        status_codes.status_zh,
        status_codes.status_en,
        status_codes.status_sort_order
    from spine
    inner join sectors
        on spine.sector_code = sectors.sector_code
    left join latest
        on
            spine.sector_code = latest.sector_code
            and spine.region_code = latest.region_code
            and spine.as_of_year = latest.as_of_year
    left join status_codes
        on coalesce(latest.status_code, 'no_data') = status_codes.status_code
)

select * from final
