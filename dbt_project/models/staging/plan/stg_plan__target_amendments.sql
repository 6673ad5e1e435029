with source as (
    select * from {{ ref('target_amendments') }}
),

renamed as (
    select
        plan_id,
        indicator_code,
        amendment_no,
        effective_on,
        cast(target_value as {{ measure_type() }}) as target_value,
        target_kind,
        target_text,
        target_status,
        document_no,
        issued_by_zh,
        issued_by_en,
        reason_zh,
        reason_en,
        note
    from source
)

select * from renamed
