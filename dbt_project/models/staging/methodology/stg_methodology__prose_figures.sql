with source as (
    select * from {{ ref('prose_figures') }}
),

renamed as (
    select
        figure_id,
        plan_id,
        indicator_code,
        figure,
        cast(prose_value as {{ measure_type() }}) as prose_value,
        comparison,
        is_same_measure,
        subject_zh,
        subject_en,
        quote,
        source_line,
        note
    from source
)

select * from renamed
