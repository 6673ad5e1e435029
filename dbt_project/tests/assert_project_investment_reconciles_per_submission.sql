-- Reported in Dagster as a check on fct_project_progress (a test that reads several models needs a home).
{{ config(meta={"dagster": {"ref": {"name": "fct_project_progress"}}}) }}

-- Per accepted submission not withdrawn, the project reports in fct_project_progress are exactly its rows
-- that no later submission revised: same count and the same sums of total, period and
-- cumulative investment. "Not revised" is re-derived here from the raw rows. Returns the
-- submissions that do not reconcile.
with raw_rows as (
    select
        project_progress.submission_id,
        coalesce(project_progress.region_code, submissions.region_code) as region_code,
        project_progress.project_code,
        project_progress.report_month,
        project_progress.received_at,
        project_progress.total_investment,
        project_progress.period_investment,
        project_progress.cumulative_investment
    from {{ ref('stg_raw__project_progress') }} as project_progress
    inner join {{ ref('int_submissions_located') }} as submissions
        on project_progress.submission_id = submissions.submission_id
    left join {{ ref('int_submissions_withdrawn') }} as withdrawn
        on project_progress.submission_id = withdrawn.submission_id
    where submissions.status = 'accepted' and withdrawn.submission_id is null
),

revised_later as (
    select distinct
        earlier.submission_id,
        earlier.project_code,
        earlier.report_month
    from raw_rows as earlier
    inner join raw_rows as later
        on
            earlier.region_code = later.region_code
            and earlier.project_code = later.project_code
            and earlier.report_month = later.report_month
            and (
                earlier.received_at < later.received_at
                or (earlier.received_at = later.received_at and earlier.submission_id < later.submission_id)
            )
),

raw_current as (
    select
        raw_rows.submission_id,
        count(*) as reports,
        sum(raw_rows.total_investment) as total_investment,
        sum(raw_rows.period_investment) as period_investment,
        sum(raw_rows.cumulative_investment) as cumulative_investment
    from raw_rows
    left join revised_later
        on
            raw_rows.submission_id = revised_later.submission_id
            and raw_rows.project_code = revised_later.project_code
            and raw_rows.report_month = revised_later.report_month
    where revised_later.submission_id is null
    group by raw_rows.submission_id
),

fact as (
    select
        submission_id,
        count(*) as reports,
        sum(total_investment) as total_investment,
        sum(period_investment) as period_investment,
        sum(cumulative_investment) as cumulative_investment
    from {{ ref('fct_project_progress') }}
    group by submission_id
)

select
    coalesce(raw_current.submission_id, fact.submission_id) as submission_id,
    raw_current.reports as raw_reports,
    fact.reports as fact_reports,
    raw_current.cumulative_investment as raw_cumulative_investment,
    fact.cumulative_investment as fact_cumulative_investment
from raw_current
full outer join fact
    on raw_current.submission_id = fact.submission_id
where
    raw_current.submission_id is null
    or fact.submission_id is null
    or raw_current.reports <> fact.reports
    or coalesce(raw_current.total_investment, 0) <> coalesce(fact.total_investment, 0)
    or coalesce(raw_current.period_investment, 0) <> coalesce(fact.period_investment, 0)
    or coalesce(raw_current.cumulative_investment, 0) <> coalesce(fact.cumulative_investment, 0)
