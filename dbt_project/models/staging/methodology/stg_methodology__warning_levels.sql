with source as (
    select * from {{ ref('warning_levels') }}
),

renamed as (
    select
        warning_level,
        sort_order as warning_sort_order,
        name_zh as warning_zh,
        name_en as warning_en,
        description_zh as warning_rule_zh,
        description_en as warning_rule_en,
        traffic_light,
        colour as warning_colour
    from source
)

select * from renamed
