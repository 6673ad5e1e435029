with source as (
    select * from {{ ref('departments') }}
),

renamed as (
    select
        department_code,
        name_zh,
        name_en,
        is_assumed,
        note
    from source
)

select * from renamed
