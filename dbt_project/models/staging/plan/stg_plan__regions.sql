with source as (
    select * from {{ ref('regions') }}
),

renamed as (
    select
        cast(region_code as {{ dbt.type_string() }}) as region_code,
        name_zh,
        name_en,
        level as region_level,
        division_type,
        cast(parent_code as {{ dbt.type_string() }}) as parent_region_code,
        is_default,
        is_synthetic
    from source
)

select * from renamed
