with source as (
    select * from {{ ref('plan_commitments') }}
),

renamed as (
    select
        plan_id,
        commitment_code,
        section_id,
        quote,
        source_line,
        subject_zh,
        subject_en,
        unit,
        cast(target_value as {{ measure_type() }}) as target_value,
        target_year,
        comparison,
        cast(baseline_value as {{ measure_type() }}) as baseline_value,
        baseline_year,
        department_code,
        is_department_assumed,
        note
    from source
)

select * from renamed
