{#-
    Every accepted indicator (or commitment) value with its revision number; the latest
    accepted is current. Rows of withdrawn submissions are left out, so the revision before
    them is current again.
-#}
with indicator_values as (
    select * from {{ ref('stg_raw__indicator_values') }}
),

default_region as (
    select region_code from {{ ref('stg_plan__regions') }}
    where is_default
),

keyed as (
    select
        indicator_values.submission_id,
        indicator_values.department_code,
        indicator_values.sheet,
        indicator_values.excel_row,
        indicator_values.indicator_code,
        coalesce(indicator_values.region_code, default_region.region_code) as region_code,
        indicator_values.year,
        indicator_values.value,
        indicator_values.unit,
        indicator_values.note,
        indicator_values.received_at
    from indicator_values
    left join default_region
        on true
),

revisioned as (
    {{ revisioned(
        'keyed',
        key=['indicator_code', 'region_code', 'year'],
        id_name='indicator_value_id',
        id_columns=['submission_id', 'indicator_code', 'region_code', 'year'],
        value_column='value',
        excluded_submissions='select submission_id from ' ~ ref('int_submissions_withdrawn'),
    ) }}
)

select * from revisioned
