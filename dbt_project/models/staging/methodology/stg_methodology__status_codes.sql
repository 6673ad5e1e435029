with source as (
    select * from {{ ref('status_codes') }}
),

renamed as (
    select
        status_code,
        sort_order as status_sort_order,
        name_zh as status_zh,
        name_en as status_en,
        description_zh as status_rule_zh,
        description_en as status_rule_en
    from source
)

select * from renamed
