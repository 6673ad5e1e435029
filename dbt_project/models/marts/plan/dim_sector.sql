{#- The industry sectors of every plan, with the output and enterprise targets its text states for the plan's end year. -#}
with sectors as (
    select * from {{ ref('stg_plan__sectors') }}
),

plans as (
    select * from {{ ref('stg_plan__plans') }}
),

targets as (
    select * from {{ ref('stg_plan__sector_targets') }}
),

end_year_targets as (
    select targets.*
    from targets
    inner join plans
        on
            targets.plan_id = plans.plan_id
            and targets.target_year = plans.end_year
),

output_targets as (
    select * from end_year_targets
    where metric = 'output_value'
),

enterprise_targets as (
    select * from end_year_targets
    where metric = 'enterprises'
),

joined as (
    select
        sectors.plan_id,
        sectors.sector_code,
        sectors.name_zh,
        sectors.name_en,
        sectors.sector_group,
        plans.end_year as target_year,
        output_targets.target_value as output_target_value,
        output_targets.target_value as output_target_2025,
        output_targets.unit as output_target_unit,
        output_targets.comparison as output_target_comparison,
        output_targets.quote as output_target_quote,
        enterprise_targets.target_value as enterprises_target_value,
        enterprise_targets.target_value as enterprises_target_2025,
        enterprise_targets.quote as enterprises_target_quote,
        sectors.department_code,
        sectors.source_line,
        sectors.note
    from sectors
    inner join plans
        on sectors.plan_id = plans.plan_id
    left join output_targets
        on
            sectors.plan_id = output_targets.plan_id
            and sectors.sector_code = output_targets.sector_code
    left join enterprise_targets
        on
            sectors.plan_id = enterprise_targets.plan_id
            and sectors.sector_code = enterprise_targets.sector_code
)

select * from joined
