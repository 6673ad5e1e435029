with source as (
    select * from {{ ref('sectors') }}
),

renamed as (
    select
        plan_id,
        sector_code,
        name_zh,
        name_en,
        sector_group,
        department_code,
        source_line,
        note
    from source
)

select * from renamed
