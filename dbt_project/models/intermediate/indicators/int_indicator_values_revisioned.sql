{#-
    Every accepted indicator value with its revision number; the latest accepted is current.
    Rows of withdrawn submissions are left out, so the revision before them is current again.
-#}
with indicator_values as (
    select * from {{ ref('stg_raw__indicator_values') }}
),

withdrawn as (
    select * from {{ ref('int_submissions_withdrawn') }}
),

keyed as (
    select
        indicator_values.submission_id,
        indicator_values.department_code,
        indicator_values.sheet,
        indicator_values.excel_row,
        indicator_values.indicator_code,
        coalesce(indicator_values.region_code, '{{ var("default_region_code") }}') as region_code,
        indicator_values.year,
        indicator_values.value,
        indicator_values.unit,
        indicator_values.note,
        indicator_values.received_at
    from indicator_values
    left join withdrawn
        on indicator_values.submission_id = withdrawn.submission_id
    where withdrawn.submission_id is null
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
