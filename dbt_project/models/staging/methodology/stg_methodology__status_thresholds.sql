with source as (
    select * from {{ ref('status_thresholds') }}
),

renamed as (
    select
        threshold_code,
        cast(threshold_value as {{ measure_type() }}) as threshold_value,
        unit,
        applies_to,
        description_zh,
        description_en
    from source
)

select * from renamed
