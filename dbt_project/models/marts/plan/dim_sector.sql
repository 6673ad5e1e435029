with sectors as (
    select * from {{ ref('stg_plan__sectors') }}
),

output_targets as (
    select * from {{ ref('stg_plan__sector_targets') }}
    where metric = 'output_value' and target_year = {{ var('plan_end_year') }}
),

enterprise_targets as (
    select * from {{ ref('stg_plan__sector_targets') }}
    where metric = 'enterprises' and target_year = {{ var('plan_end_year') }}
),

joined as (
    select
        sectors.sector_code,
        sectors.name_zh,
        sectors.name_en,
        sectors.sector_group,
        output_targets.target_value as output_target_2025,
        output_targets.unit as output_target_unit,
        output_targets.comparison as output_target_comparison,
        output_targets.quote as output_target_quote,
        enterprise_targets.target_value as enterprises_target_2025,
        enterprise_targets.quote as enterprises_target_quote,
        sectors.department_code,
        sectors.source_line,
        sectors.note
    from sectors
    left join output_targets
        on sectors.sector_code = output_targets.sector_code
    left join enterprise_targets
        on sectors.sector_code = enterprise_targets.sector_code
)

select * from joined
