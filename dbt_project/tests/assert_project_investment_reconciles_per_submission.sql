-- Reported in Dagster as a check on fct_project_progress (a test that reads several models needs a home).
{{ config(meta={"dagster": {"ref": {"name": "fct_project_progress"}}}) }}

-- Per accepted submission not withdrawn, the project reports in fct_project_progress are exactly its rows
-- that no later submission revised: same count and the same sums of total, period and
-- cumulative investment. "Not revised" is re-derived here from the raw rows, in one pass
-- (a window over each project and month). Returns the submissions that do not reconcile.
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

ranked as (
    select
        *,
        {#- rank 1: no later submission reports the same project and month (one window, not a
            self-join whose cost grows with the square of the revisions of a key) -#}
        rank() over (
            partition by region_code, project_code, report_month
            order by received_at desc, submission_id desc
        ) as recency
    from raw_rows
),

raw_current as (
    select
        submission_id,
        count(*) as reports,
        sum(total_investment) as total_investment,
        sum(period_investment) as period_investment,
        sum(cumulative_investment) as cumulative_investment
    from ranked
    where recency = 1
    group by submission_id
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
