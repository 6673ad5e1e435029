-- A warning, not an error: every indicator value and project report should belong to a plan of
-- its region (intake rejects the others with no_plan_in_force). Returns those that do not;
-- they stay in fct_indicator_value and fct_project_progress with a null plan_id.
{{ config(severity='warn') }}

select
    'fct_indicator_value' as fact,
    indicator_value_id as row_id,
    region_code,
    year
from {{ ref('fct_indicator_value') }}
where plan_id is null
union all
select
    'fct_project_progress' as fact,
    project_report_id as row_id,
    region_code,
    cast(extract(year from report_month) as integer) as year
from {{ ref('fct_project_progress') }}
where plan_id is null
