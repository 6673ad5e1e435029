with source as (
    select * from {{ ref('indicator_catalogue') }}
),

renamed as (
    select
        indicator_code,
        name_zh,
        name_en,
        unit,
        aggregation,
        weight_indicator_code,
        note
    from source
)

select * from renamed
