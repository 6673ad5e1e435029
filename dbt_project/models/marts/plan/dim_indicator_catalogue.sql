{#- The indicator catalogue: one row per quantity any plan monitors, with its unit, how it rolls up and in how many plans it is. -#}
with catalogue as (
    select * from {{ ref('stg_plan__indicator_catalogue') }}
),

plan_indicators as (
    select
        indicator_code,
        count(*) as plans_monitoring
    from {{ ref('stg_plan__indicators') }}
    group by indicator_code
),

final as (
    select
        catalogue.indicator_code,
        catalogue.name_zh,
        catalogue.name_en,
        catalogue.unit,
        catalogue.aggregation,
        catalogue.weight_indicator_code,
        weights.name_zh as weight_name_zh,
        weights.name_en as weight_name_en,
        coalesce(plan_indicators.plans_monitoring, 0) as plans_monitoring,
        catalogue.note
    from catalogue
    left join catalogue as weights
        on catalogue.weight_indicator_code = weights.indicator_code
    left join plan_indicators
        on catalogue.indicator_code = plan_indicators.indicator_code
)

select * from final
