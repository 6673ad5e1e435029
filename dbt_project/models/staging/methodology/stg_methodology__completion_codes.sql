with source as (
    select * from {{ ref('completion_codes') }}
),

renamed as (
    select
        completion_code,
        sort_order as completion_sort_order,
        name_zh as completion_zh,
        name_en as completion_en,
        traffic_light,
        colour as completion_colour,
        description_zh as completion_rule_zh,
        description_en as completion_rule_en
    from source
)

select * from renamed
