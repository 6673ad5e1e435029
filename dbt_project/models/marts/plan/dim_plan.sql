{#- The plans monitored, with what follows from their years and whether each is in force on the as-of date. -#}
with plans as (
    select * from {{ ref('stg_plan__plans') }}
),

regions as (
    select * from {{ ref('stg_plan__regions') }}
),

as_of as (
    select {{ as_of_date() }} as as_of_date
),

final as (
    select
        plans.plan_id,
        plans.region_code,
        regions.name_zh as region_name_zh,
        regions.name_en as region_name_en,
        plans.plan_no,
        plans.plan_name_zh,
        plans.plan_name_en,
        plans.plan_short_name_zh,
        plans.plan_short_name_en,
        plans.baseline_year,
        plans.start_year,
        plans.end_year,
        plans.end_year - plans.baseline_year as plan_span,
        plans.start_year + cast(floor((plans.end_year - plans.start_year) / 2) as integer) as midterm_year,
        plans.end_year as final_year,
        plans.adopted_on,
        plans.source_path,
        plans.is_synthetic,
        as_of.as_of_date,
        coalesce(
            cast(extract(year from as_of.as_of_date) as integer) between plans.start_year and plans.end_year, false
        ) as is_current,
        plans.note
    from plans
    left join regions
        on plans.region_code = regions.region_code
    cross join as_of
)

select * from final
