{#- The progress statuses as the reports show them: labels, rule, display order and colour. -#}
with status_codes as (
    select * from {{ ref('status_codes') }}
),

final as (
    select
        status_code,
        sort_order as status_sort_order,
        name_zh as status_zh,
        name_en as status_en,
        description_zh as status_rule_zh,
        description_en as status_rule_en,
        traffic_light,
        colour as status_colour
    from status_codes
)

select * from final
