-- Each indicator, region and year has exactly one current revision, and it is the one
-- received last (then the highest submission id). Returns the keys that break this.
with revisions as (
    select * from {{ ref('fct_indicator_value') }}
),

latest as (
    select
        indicator_code,
        region_code,
        year,
        max(received_at) as last_received_at
    from revisions
    group by indicator_code, region_code, year
),

latest_submission as (
    select
        revisions.indicator_code,
        revisions.region_code,
        revisions.year,
        max(revisions.submission_id) as last_submission_id
    from revisions
    inner join latest
        on
            revisions.indicator_code = latest.indicator_code
            and revisions.region_code = latest.region_code
            and revisions.year = latest.year
            and revisions.received_at = latest.last_received_at
    group by revisions.indicator_code, revisions.region_code, revisions.year
),

current_counts as (
    select
        indicator_code,
        region_code,
        year,
        sum(case when is_current then 1 else 0 end) as current_revisions,
        max(case when is_current then submission_id end) as current_submission_id
    from revisions
    group by indicator_code, region_code, year
)

select
    current_counts.*,
    latest_submission.last_submission_id
from current_counts
inner join latest_submission
    on
        current_counts.indicator_code = latest_submission.indicator_code
        and current_counts.region_code = latest_submission.region_code
        and current_counts.year = latest_submission.year
where
    current_counts.current_revisions <> 1
    or current_counts.current_submission_id <> latest_submission.last_submission_id
