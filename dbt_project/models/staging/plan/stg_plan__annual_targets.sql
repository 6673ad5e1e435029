with source as (
    select * from {{ ref('annual_targets') }}
),

renamed as (
    select
        plan_id,
        indicator_code,
        year,
        cast(target_value as {{ measure_type() }}) as target_value,
        source_note
    from source
)

select * from renamed
