{#- Items with at least one accepted row per region, dataset and period, with when the first arrived. -#}
with indicator_values as (
    select * from {{ ref('int_indicator_values_revisioned') }}
),

sector_outputs as (
    select * from {{ ref('int_sector_outputs_revisioned') }}
),

project_reports as (
    select * from {{ ref('int_project_reports_revisioned') }}
),

items as (
    select
        region_code,
        'indicator_values' as dataset,
        cast({{ dbt.concat(["cast(year as " ~ dbt.type_string() ~ ")", "'-01-01'"]) }} as date) as period_start,
        indicator_code as item_code,
        received_at
    from indicator_values
    union all
    select
        region_code,
        'sector_output' as dataset,
        cast({{ dbt.concat(["cast(year as " ~ dbt.type_string() ~ ")", "'-01-01'"]) }} as date) as period_start,
        sector_code as item_code,
        received_at
    from sector_outputs
    union all
    select
        region_code,
        'project_progress' as dataset,
        cast({{ dbt.date_trunc('quarter', 'report_month') }} as date) as period_start,
        project_code as item_code,
        received_at
    from project_reports
)

select
    region_code,
    dataset,
    period_start,
    item_code,
    min(received_at) as first_accepted_at,
    count(*) as accepted_rows
from items
group by region_code, dataset, period_start, item_code
