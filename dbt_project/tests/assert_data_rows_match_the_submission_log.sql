-- Reported in Dagster as a check on submission_log (a test that reads several models needs a home).
{{ config(meta={"dagster": {"ref": {"name": "submission_log"}}}) }}

-- Only accepted submissions have data rows, and an accepted submission has exactly
-- rows_accepted rows in the table of its dataset. Returns the submissions that break this.
with data_rows as (
    select
        submission_id,
        'indicator_values' as dataset
    from {{ ref('stg_raw__indicator_values') }}
    union all
    select
        submission_id,
        'project_progress' as dataset
    from {{ ref('stg_raw__project_progress') }}
    union all
    select
        submission_id,
        'sector_output' as dataset
    from {{ ref('stg_raw__sector_output') }}
),

row_counts as (
    select
        submission_id,
        dataset,
        count(*) as data_rows
    from data_rows
    group by submission_id, dataset
),

submissions as (
    select * from {{ ref('submission_log') }}
)

select
    coalesce(submissions.submission_id, row_counts.submission_id) as submission_id,
    submissions.status,
    submissions.dataset as logged_dataset,
    row_counts.dataset as data_dataset,
    submissions.rows_accepted,
    row_counts.data_rows
from submissions
full outer join row_counts
    on submissions.submission_id = row_counts.submission_id
where
    submissions.submission_id is null
    or (row_counts.submission_id is not null and submissions.status <> 'accepted')
    or (row_counts.submission_id is not null and row_counts.dataset <> submissions.dataset)
    or (submissions.status = 'accepted' and coalesce(row_counts.data_rows, 0) <> submissions.rows_accepted)
