{#-
    Every accepted sector output with its revision number; the latest accepted is current.
    Rows of withdrawn submissions are left out, so the revision before them is current again.
-#}
with sector_output as (
    select * from {{ ref('stg_raw__sector_output') }}
),

withdrawn as (
    select * from {{ ref('int_submissions_withdrawn') }}
),

keyed as (
    select
        sector_output.submission_id,
        sector_output.department_code,
        sector_output.sheet,
        sector_output.excel_row,
        sector_output.sector_code,
        coalesce(sector_output.region_code, '{{ var("default_region_code") }}') as region_code,
        sector_output.year,
        sector_output.output_value,
        sector_output.enterprises,
        sector_output.note,
        sector_output.received_at
    from sector_output
    left join withdrawn
        on sector_output.submission_id = withdrawn.submission_id
    where withdrawn.submission_id is null
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
