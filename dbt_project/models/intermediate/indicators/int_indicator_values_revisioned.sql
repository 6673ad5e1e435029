{#- Every accepted indicator value with its revision number; the latest accepted is current. -#}
with indicator_values as (
    select * from {{ ref('stg_raw__indicator_values') }}
),

keyed as (
    select
        submission_id,
        department_code,
        sheet,
        excel_row,
        indicator_code,
        coalesce(region_code, '{{ var("default_region_code") }}') as region_code,
        year,
        value,
        unit,
        note,
        received_at
    from indicator_values
),

revisioned as (
    select
        {{ dbt.hash(dbt.concat([
            "submission_id", "'|'", "indicator_code", "'|'", "region_code", "'|'",
            "cast(year as " ~ dbt.type_string() ~ ")",
        ])) }} as indicator_value_id,
        submission_id,
        department_code,
        sheet,
        excel_row,
        indicator_code,
        region_code,
        year,
        value,
        unit,
        note,
        received_at,
        row_number() over (
            partition by indicator_code, region_code, year
            order by received_at, submission_id
        ) as revision_no,
        count(*) over (partition by indicator_code, region_code, year) as revision_count,
        lead(submission_id) over (
            partition by indicator_code, region_code, year
            order by received_at, submission_id
        ) as superseded_by_submission_id,
        lag(value) over (
            partition by indicator_code, region_code, year
            order by received_at, submission_id
        ) as previous_revision_value
    from keyed
)

select
    *,
    revision_no = revision_count as is_current
from revisioned
