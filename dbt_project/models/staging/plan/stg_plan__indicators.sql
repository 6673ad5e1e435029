with source as (
    select * from {{ ref('indicators') }}
),

renamed as (
    select
        plan_id,
        indicator_code,
        seq as indicator_seq,
        category_zh,
        category_en,
        name_zh,
        name_zh_published,
        name_en,
        unit,
        cast(baseline_value as {{ measure_type() }}) as baseline_value,
        cast(target_value as {{ measure_type() }}) as target_value,
        target_kind,
        target_text,
        published_change,
        attribute_zh,
        attribute_en,
        is_binding,
        baseline_status,
        target_status,
        department_code,
        source_line
    from source
)

select * from renamed
