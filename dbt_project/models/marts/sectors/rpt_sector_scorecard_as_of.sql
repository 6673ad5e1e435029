{#-
    The sectors of every plan as of each of its plan years: per sector, region and as-of year,
    the latest output of the plan reported up to that year against the output target the
    plan states for its end year, with its share of the planned change achieved and status
    from fct_sector_output, for the plan's region.
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

plan_years as (
    select * from {{ ref('int_plan_years_listed') }}
    where is_plan_year
),

spine as (
    select
        sectors.plan_id,
        sectors.sector_code,
        plan_years.region_code,
        plan_years.year as as_of_year
    from sectors
    inner join plan_years
        on sectors.plan_id = plan_years.plan_id
),

ranked as (
    select
        spine.as_of_year,
        outputs.*,
        row_number() over (
            partition by outputs.plan_id, outputs.sector_code, spine.as_of_year
            order by outputs.year desc
        ) as recency
    from spine
    inner join outputs
        on
            spine.plan_id = outputs.plan_id
            and spine.sector_code = outputs.sector_code
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
        spine.plan_id,
        sectors.name_zh as sector_name_zh,
        sectors.name_en as sector_name_en,
        sectors.sector_group,
        sectors.target_year,
        sectors.output_target_value,
        sectors.output_target_2025,
        sectors.output_target_unit,
        sectors.output_target_comparison,
        sectors.enterprises_target_value,
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
        on
            spine.plan_id = sectors.plan_id
            and spine.sector_code = sectors.sector_code
    left join latest
        on
            spine.plan_id = latest.plan_id
            and spine.sector_code = latest.sector_code
            and spine.as_of_year = latest.as_of_year
    left join status_codes
        on coalesce(latest.status_code, 'no_data') = status_codes.status_code
)

select * from final
