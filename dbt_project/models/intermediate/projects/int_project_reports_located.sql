{#-
    Every accepted project report row with its region: the row's, else its file's
    (int_submissions_located). What int_project_reports_revisioned numbers, and what the
    incremental build of fct_project_progress reads for the keys it recomputes.
-#}
with project_progress as (
    select * from {{ ref('stg_raw__project_progress') }}
),

submissions as (
    select * from {{ ref('int_submissions_located') }}
),

located as (
    select
        project_progress.submission_id,
        project_progress.department_code,
        project_progress.sheet,
        project_progress.excel_row,
        coalesce(project_progress.region_code, submissions.region_code) as region_code,
        project_progress.project_code,
        project_progress.report_month,
        project_progress.project_status_code,
        project_progress.total_investment,
        project_progress.period_investment,
        project_progress.cumulative_investment,
        project_progress.start_date,
        project_progress.completion_date,
        project_progress.note,
        project_progress.received_at
    from project_progress
    left join submissions
        on project_progress.submission_id = submissions.submission_id
)

select * from located
