with source as (
    select * from {{ ref('sector_targets') }}
),

renamed as (
    select
        plan_id,
        sector_code,
        metric,
        target_year,
        cast(target_value as {{ measure_type() }}) as target_value,
        unit,
        comparison,
        quote,
        source_line
    from source
)

select * from renamed
