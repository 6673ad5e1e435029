-- Reported in Dagster as a check on fct_sector_output (a test that reads several models needs a home).
{{ config(meta={"dagster": {"ref": {"name": "fct_sector_output"}}}) }}

-- Every sector output of an accepted submission (not withdrawn) for a plan year and a
-- sector of the plan that year belongs to, that no later submission revised, is the output
-- of exactly one fct_sector_output row, and every row with data comes from such a raw row.
-- Returns the mismatches.
with submitted as (
    {{ accepted_raw_rows('stg_raw__sector_output', ['sector_code', 'year', 'output_value', 'received_at']) }}
),

raw_rows as (
    select submitted.*
    from submitted
    inner join {{ ref('int_region_years_planned') }} as region_years
        on
            submitted.region_code = region_years.region_code
            and submitted.year = region_years.year
    inner join {{ ref('stg_plan__sectors') }} as sectors
        on
            region_years.plan_id = sectors.plan_id
            and submitted.sector_code = sectors.sector_code
    where region_years.is_plan_year
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
