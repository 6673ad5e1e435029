{#-
    Every accepted sector output with its revision number; the latest accepted is current.
    Rows of withdrawn submissions are left out, so the revision before them is current again.
-#}
with sector_output as (
    select * from {{ ref('stg_raw__sector_output') }}
),

default_region as (
    select region_code from {{ ref('stg_plan__regions') }}
    where is_default
),

keyed as (
    select
        sector_output.submission_id,
        sector_output.department_code,
        sector_output.sheet,
        sector_output.excel_row,
        sector_output.sector_code,
        coalesce(sector_output.region_code, default_region.region_code) as region_code,
        sector_output.year,
        sector_output.output_value,
        sector_output.enterprises,
        sector_output.note,
        sector_output.received_at
    from sector_output
    left join default_region
        on true
),

revisioned as (
    {{ revisioned(
        'keyed',
        key=['sector_code', 'region_code', 'year'],
        id_name='sector_output_id',
        id_columns=['submission_id', 'sector_code', 'region_code', 'year'],
        excluded_submissions='select submission_id from ' ~ ref('int_submissions_withdrawn'),
    ) }}
)

select * from revisioned
