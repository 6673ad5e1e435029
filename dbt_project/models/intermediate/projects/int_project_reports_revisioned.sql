{#-
    Every accepted project report with its revision number; the latest accepted per project
    and month is current. Rows of withdrawn submissions are left out, so the revision before
    them is current again.
-#}
with reports as (
    select * from {{ ref('stg_raw__project_progress') }}
),

withdrawn as (
    select * from {{ ref('int_submissions_withdrawn') }}
),

project_progress as (
    select reports.*
    from reports
    left join withdrawn
        on reports.submission_id = withdrawn.submission_id
    where withdrawn.submission_id is null
),

revisioned as (
    select
        {{ dbt.hash(dbt.concat([
            "submission_id", "'|'", "project_code", "'|'",
            "cast(report_month as " ~ dbt.type_string() ~ ")",
        ])) }} as project_report_id,
        submission_id,
        department_code,
        sheet,
        excel_row,
        project_code,
        report_month,
        project_status_code,
        total_investment,
        period_investment,
        cumulative_investment,
        start_date,
        completion_date,
        note,
        received_at,
        row_number() over (
            partition by project_code, report_month
            order by received_at, submission_id
        ) as revision_no,
        count(*) over (partition by project_code, report_month) as revision_count
    from project_progress
)

select
    *,
    revision_no = revision_count as is_current
from revisioned
