{#- The early-warning levels as the reports show them: labels, rule, display order and colour. -#}
with warning_levels as (
    select * from {{ ref('stg_methodology__warning_levels') }}
),

final as (
    select
        warning_level,
        warning_sort_order,
        warning_zh,
        warning_en,
        warning_rule_zh,
        warning_rule_en,
        traffic_light,
        warning_colour
    from warning_levels
)

select * from final
