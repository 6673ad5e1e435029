-- Reported in Dagster as a check on fct_indicator_value (a test that reads several models needs a home).
{{ config(meta={"dagster": {"ref": {"name": "fct_indicator_value"}}}) }}

-- Every indicator row of an accepted submission not withdrawn is in fct_indicator_value
-- exactly once, with the same value; nothing else is. Returns the rows that break this.
with raw_rows as (
    select
        indicator_values.submission_id,
        indicator_values.indicator_code,
        coalesce(indicator_values.region_code, '{{ var("default_region_code") }}') as region_code,
        indicator_values.year,
        indicator_values.value
    from {{ ref('stg_raw__indicator_values') }} as indicator_values
    inner join {{ ref('stg_raw__submission_log') }} as submissions
        on indicator_values.submission_id = submissions.submission_id
    left join {{ ref('int_submissions_withdrawn') }} as withdrawn
        on indicator_values.submission_id = withdrawn.submission_id
    where submissions.status = 'accepted' and withdrawn.submission_id is null
),

fact_rows as (
    select
        submission_id,
        indicator_code,
        region_code,
        year,
        value,
        count(*) over (partition by submission_id, indicator_code, region_code, year) as copies
    from {{ ref('fct_indicator_value') }}
)

select
    coalesce(raw_rows.submission_id, fact_rows.submission_id) as submission_id,
    coalesce(raw_rows.indicator_code, fact_rows.indicator_code) as indicator_code,
    raw_rows.value as raw_value,
    fact_rows.value as fact_value,
    fact_rows.copies
from raw_rows
full outer join fact_rows
    on
        raw_rows.submission_id = fact_rows.submission_id
        and raw_rows.indicator_code = fact_rows.indicator_code
        and raw_rows.region_code = fact_rows.region_code
        and raw_rows.year = fact_rows.year
where
    raw_rows.submission_id is null
    or fact_rows.submission_id is null
    or fact_rows.copies <> 1
    or raw_rows.value <> fact_rows.value
    or (raw_rows.value is null) <> (fact_rows.value is null)
