{#-
    Items with at least one accepted row per region, dataset and period: when the first row
    arrived, and when the department first submitted it (the file's 报送日期, else arrival).
-#}
with indicator_values as (
    select * from {{ ref('int_indicator_values_revisioned') }}
),

sector_outputs as (
    select * from {{ ref('int_sector_outputs_revisioned') }}
),

project_reports as (
    select * from {{ ref('int_project_reports_revisioned') }}
),

submissions as (
    select * from {{ ref('stg_raw__submission_log') }}
),

items as (
    select
        region_code,
        'indicator_values' as dataset,
        cast({{ dbt.concat(["cast(year as " ~ dbt.type_string() ~ ")", "'-01-01'"]) }} as date) as period_start,
        indicator_code as item_code,
        submission_id,
        received_at
    from indicator_values
    union all
    select
        region_code,
        'sector_output' as dataset,
        cast({{ dbt.concat(["cast(year as " ~ dbt.type_string() ~ ")", "'-01-01'"]) }} as date) as period_start,
        sector_code as item_code,
        submission_id,
        received_at
    from sector_outputs
    union all
    select
        region_code,
        'project_progress' as dataset,
        cast({{ dbt.date_trunc('quarter', 'report_month') }} as date) as period_start,
        project_code as item_code,
        submission_id,
        received_at
    from project_reports
)

select
    items.region_code,
    items.dataset,
    items.period_start,
    items.item_code,
    min(items.received_at) as first_accepted_at,
    min(submissions.submitted_at) as first_submitted_at,
    count(*) as accepted_rows
from items
inner join submissions
    on items.submission_id = submissions.submission_id
group by items.region_code, items.dataset, items.period_start, items.item_code
