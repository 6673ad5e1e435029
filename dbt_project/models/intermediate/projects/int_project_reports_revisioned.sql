{#-
    Every accepted project report with its revision number and region: the row's region, else
    its file's (int_submissions_located). The latest accepted per region, project and month is
    current. Rows of withdrawn submissions are left out, so the revision before them is
    current again.
-#}
with project_progress as (
    select * from {{ ref('stg_raw__project_progress') }}
),

submissions as (
    select * from {{ ref('int_submissions_located') }}
),

keyed as (
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
),

revisioned as (
    {{ revisioned(
        'keyed',
        key=['region_code', 'project_code', 'report_month'],
        id_name='project_report_id',
        id_columns=['submission_id', 'region_code', 'project_code', 'report_month'],
        excluded_submissions='select submission_id from ' ~ ref('int_submissions_withdrawn'),
    ) }}
)

select * from revisioned
