-- Reported in Dagster as a check on fct_indicator_value (a test that reads several models needs a home).
{{ config(meta={"dagster": {"ref": {"name": "fct_indicator_value"}}}) }}

-- Every indicator row of an accepted submission not withdrawn is in fct_indicator_value
-- exactly once, with the same value; nothing else is. A row under a commitment code of the
-- plan its region and year belong to is a commitment, not an indicator value. Returns the
-- rows that break this.
with submitted as (
    {{ accepted_raw_rows('stg_raw__indicator_values', ['indicator_code', 'year', 'value']) }}
),

raw_rows as (
    select submitted.*
    from submitted
    left join {{ ref('int_region_years_planned') }} as region_years
        on
            submitted.region_code = region_years.region_code
            and submitted.year = region_years.year
    left join {{ ref('stg_plan__plan_commitments') }} as commitments
        on
            region_years.plan_id = commitments.plan_id
            and submitted.indicator_code = commitments.commitment_code
    where commitments.commitment_code is null
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
