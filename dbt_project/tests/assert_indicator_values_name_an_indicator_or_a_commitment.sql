-- Reported in Dagster as a check on stg_raw__indicator_values (a test that reads several models needs a home).
{{ config(meta={"dagster": {"ref": {"name": "stg_raw__indicator_values"}}}) }}

-- Every submitted indicator value names a catalogue indicator or a plan commitment (commitments
-- are reported in the indicator-values dataset under their code). Returns the rows naming neither.
with submitted as (
    select * from {{ ref('stg_raw__indicator_values') }}
),

catalogue as (
    select indicator_code as code from {{ ref('stg_plan__indicator_catalogue') }}
),

commitments as (
    select commitment_code as code from {{ ref('stg_plan__plan_commitments') }}
)

select submitted.*
from submitted
where
    submitted.indicator_code not in (select catalogue.code from catalogue)
    and submitted.indicator_code not in (select commitments.code from commitments)
