with source as (
    select * from {{ ref('departments') }}
),

renamed as (
    select
        cast(region_code as {{ dbt.type_string() }}) as region_code,
        department_code,
        name_zh,
        name_en,
        is_assumed,
        note
    from source
)

select * from renamed
