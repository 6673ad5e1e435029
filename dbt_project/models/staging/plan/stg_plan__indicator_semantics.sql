with source as (
    select * from {{ ref('indicator_semantics') }}
),

renamed as (
    select
        plan_id,
        indicator_code,
        direction,
        path_type,
        change_kind,
        cast(target_annual_rate as {{ measure_type() }}) as target_annual_rate,
        rationale as semantics_rationale
    from source
)

select * from renamed
