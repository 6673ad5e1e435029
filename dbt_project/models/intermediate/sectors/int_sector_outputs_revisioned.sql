{#- Every accepted sector output with its revision number; the latest accepted is current. -#}
with sector_output as (
    select * from {{ ref('stg_raw__sector_output') }}
),

keyed as (
    select
        submission_id,
        department_code,
        sheet,
        excel_row,
        sector_code,
        coalesce(region_code, '{{ var("default_region_code") }}') as region_code,
        year,
        output_value,
        enterprises,
        note,
        received_at
    from sector_output
),

revisioned as (
    select
        {{ dbt.hash(dbt.concat([
            "submission_id", "'|'", "sector_code", "'|'", "region_code", "'|'",
            "cast(year as " ~ dbt.type_string() ~ ")",
        ])) }} as sector_output_id,
        submission_id,
        department_code,
        sheet,
        excel_row,
        sector_code,
        region_code,
        year,
        output_value,
        enterprises,
        note,
        received_at,
        row_number() over (
            partition by sector_code, region_code, year
            order by received_at, submission_id
        ) as revision_no,
        count(*) over (partition by sector_code, region_code, year) as revision_count
    from keyed
)

select
    *,
    revision_no = revision_count as is_current
from revisioned
