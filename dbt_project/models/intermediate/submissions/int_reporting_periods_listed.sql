{#-
    The reporting calendar of every region: one row per region, dataset and period of the
    years its plans span (each plan's baseline year to its end year). Indicator values and
    sector output are annual and due by 31 March of the next year; project progress is
    quarterly (any month of the quarter counts) and due by the 15th of the month after the
    quarter. A period is a plan period when its year is a plan year of the region. The
    as-of date is today, or the var as_of_date when set (tests and re-runs of a past state).
-#}
with plan_years as (
    select * from {{ ref('int_plan_years_listed') }}
),

region_years as (
    select
        region_code,
        year,
        max(case when is_plan_year then 1 else 0 end) = 1 as is_plan_period
    from plan_years
    group by region_code, year
),

annual_datasets as (
    select 'indicator_values' as dataset
    union all
    select 'sector_output' as dataset
),

{#- Quarters as month-day text; a fourth quarter's report is due in January of the next year. #}
quarters as (
    select
        1 as quarter_no,
        '01-01' as start_day,
        '03-31' as end_day,
        '04-15' as due_day,
        0 as due_year_offset
    union all
    select
        2 as quarter_no,
        '04-01' as start_day,
        '06-30' as end_day,
        '07-15' as due_day,
        0 as due_year_offset
    union all
    select
        3 as quarter_no,
        '07-01' as start_day,
        '09-30' as end_day,
        '10-15' as due_day,
        0 as due_year_offset
    union all
    select
        4 as quarter_no,
        '10-01' as start_day,
        '12-31' as end_day,
        '01-15' as due_day,
        1 as due_year_offset
),

calendar as (
    select
        region_years.region_code,
        annual_datasets.dataset,
        'annual' as period_type,
        cast(region_years.year as {{ dbt.type_string() }}) as period_label,
        region_years.year as period_year,
        region_years.is_plan_period,
        {{ dbt.concat(["cast(region_years.year as " ~ dbt.type_string() ~ ")", "'-01-01'"]) }} as start_text,
        {{ dbt.concat(["cast(region_years.year as " ~ dbt.type_string() ~ ")", "'-12-31'"]) }} as end_text,
        {{ dbt.concat(["cast(region_years.year + 1 as " ~ dbt.type_string() ~ ")", "'-03-31'"]) }} as due_text
    from region_years
    cross join annual_datasets
    union all
    select
        region_years.region_code,
        'project_progress' as dataset,
        'quarterly' as period_type,
        {{ dbt.concat([
            "cast(region_years.year as " ~ dbt.type_string() ~ ")", "'-Q'",
            "cast(quarters.quarter_no as " ~ dbt.type_string() ~ ")",
        ]) }} as period_label,
        region_years.year as period_year,
        region_years.is_plan_period,
        {{ dbt.concat(["cast(region_years.year as " ~ dbt.type_string() ~ ")", "'-'", "quarters.start_day"]) }}
            as start_text,
        {{ dbt.concat(["cast(region_years.year as " ~ dbt.type_string() ~ ")", "'-'", "quarters.end_day"]) }}
            as end_text,
        {{ dbt.concat([
            "cast(region_years.year + quarters.due_year_offset as " ~ dbt.type_string() ~ ")", "'-'",
            "quarters.due_day",
        ]) }} as due_text
    from region_years
    cross join quarters
),

as_of as (
    select {{ as_of_date() }} as as_of_date
),

dated as (
    select
        calendar.region_code,
        calendar.dataset,
        calendar.period_type,
        calendar.period_label,
        calendar.period_year,
        cast(calendar.start_text as date) as period_start,
        cast(calendar.end_text as date) as period_end,
        cast(calendar.due_text as date) as due_date,
        as_of.as_of_date,
        calendar.is_plan_period
    from calendar
    cross join as_of
)

select
    *,
    period_start <= as_of_date as is_started,
    due_date < as_of_date as is_due
from dated
