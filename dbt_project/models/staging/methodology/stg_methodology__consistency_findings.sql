with source as (
    select * from {{ ref('consistency_findings') }}
),

renamed as (
    select
        finding_code,
        needs_attention,
        name_zh as finding_zh,
        name_en as finding_en,
        description_en as finding_description
    from source
)

select * from renamed
