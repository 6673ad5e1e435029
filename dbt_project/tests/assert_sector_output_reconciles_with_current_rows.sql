-- Reported in Dagster as a check on fct_sector_output (a test that reads several models needs a home).
{{ config(meta={"dagster": {"ref": {"name": "fct_sector_output"}}}) }}

-- Every plan-year sector output of an accepted submission (not withdrawn) that no later
-- submission revised is the output of exactly one fct_sector_output row, and every row
-- with data comes from such a raw row. Returns the mismatches.
with raw_rows as (
    select
        sector_output.submission_id,
        sector_output.sector_code,
        coalesce(sector_output.region_code, '{{ var("default_region_code") }}') as region_code,
        sector_output.year,
        sector_output.output_value,
        sector_output.received_at
    from {{ ref('stg_raw__sector_output') }} as sector_output
    inner join {{ ref('stg_raw__submission_log') }} as submissions
        on sector_output.submission_id = submissions.submission_id
    left join {{ ref('int_submissions_withdrawn') }} as withdrawn
        on sector_output.submission_id = withdrawn.submission_id
    where
        submissions.status = 'accepted'
        and withdrawn.submission_id is null
        and sector_output.year between {{ var('plan_start_year') }} and {{ var('plan_end_year') }}
),

ranked as (
    select
        *,
        row_number() over (
            partition by sector_code, region_code, year
            order by received_at desc, submission_id desc
        ) as recency
    from raw_rows
),

raw_current as (
    select * from ranked
    where recency = 1
),

fact as (
    select * from {{ ref('fct_sector_output') }}
    where has_data
)

select
    coalesce(raw_current.sector_code, fact.sector_code) as sector_code,
    coalesce(raw_current.year, fact.year) as year,
    raw_current.output_value as raw_output_value,
    fact.output_value as fact_output_value
from raw_current
full outer join fact
    on
        raw_current.sector_code = fact.sector_code
        and raw_current.region_code = fact.region_code
        and raw_current.year = fact.year
where
    raw_current.sector_code is null
    or fact.sector_code is null
    or raw_current.submission_id <> fact.submission_id
    or raw_current.output_value <> fact.output_value
