with indicator_values as (
    select * from {{ ref('int_indicator_values_revisioned') }}
),

indicators as (
    select * from {{ ref('stg_plan__indicators') }}
),

final as (
    select
        indicator_values.indicator_value_id,
        indicator_values.indicator_code,
        indicators.name_zh as indicator_name_zh,
        indicators.name_en as indicator_name_en,
        indicator_values.region_code,
        indicator_values.year,
        indicator_values.value,
        indicator_values.unit,
        indicator_values.revision_no,
        indicator_values.revision_count,
        indicator_values.is_current,
        indicator_values.previous_revision_value,
        indicator_values.superseded_by_submission_id,
        indicator_values.submission_id,
        indicator_values.department_code,
        indicator_values.sheet,
        indicator_values.excel_row,
        indicator_values.note,
        indicator_values.received_at
    from indicator_values
    left join indicators
        on indicator_values.indicator_code = indicators.indicator_code
)

select * from final
