{#-
    What each department of a region owes per dataset and started plan period, from the plan
    of the region in force that year: every indicator and sector of the plan it is
    responsible for each year, and every project of its boxes each quarter until the quarter
    after the project reports a terminal status (completed).
-#}
with periods as (
    select * from {{ ref('int_reporting_periods_listed') }}
    where is_plan_period and is_started
),

region_years as (
    select * from {{ ref('int_region_years_planned') }}
    where is_plan_year
),

indicators as (
    select * from {{ ref('stg_plan__indicators') }}
),

sectors as (
    select * from {{ ref('stg_plan__sectors') }}
),

projects as (
    select * from {{ ref('stg_plan__projects') }}
),

boxes as (
    select * from {{ ref('stg_plan__project_boxes') }}
),

reports as (
    select * from {{ ref('int_project_reports_revisioned') }}
    where is_current
),

statuses as (
    select * from {{ ref('project_statuses') }}
),

planned_periods as (
    select
        periods.region_code,
        periods.dataset,
        periods.period_start,
        region_years.plan_id
    from periods
    inner join region_years
        on
            periods.region_code = region_years.region_code
            and periods.period_year = region_years.year
),

terminal_months as (
    select
        reports.region_code,
        reports.project_code,
        min(reports.report_month) as terminal_month
    from reports
    inner join statuses
        on reports.project_status_code = statuses.status_code
    where statuses.is_terminal
    group by reports.region_code, reports.project_code
),

indicator_items as (
    select
        planned_periods.region_code,
        indicators.department_code,
        planned_periods.dataset,
        planned_periods.period_start,
        indicators.indicator_code as item_code
    from indicators
    inner join planned_periods
        on
            indicators.plan_id = planned_periods.plan_id
            and planned_periods.dataset = 'indicator_values'
),

sector_items as (
    select
        planned_periods.region_code,
        sectors.department_code,
        planned_periods.dataset,
        planned_periods.period_start,
        sectors.sector_code as item_code
    from sectors
    inner join planned_periods
        on
            sectors.plan_id = planned_periods.plan_id
            and planned_periods.dataset = 'sector_output'
),

project_items as (
    select
        planned_periods.region_code,
        boxes.department_code,
        planned_periods.dataset,
        planned_periods.period_start,
        projects.project_code as item_code
    from projects
    inner join boxes
        on
            projects.plan_id = boxes.plan_id
            and projects.box_no = boxes.box_no
    inner join planned_periods
        on
            projects.plan_id = planned_periods.plan_id
            and planned_periods.dataset = 'project_progress'
    left join terminal_months
        on
            planned_periods.region_code = terminal_months.region_code
            and projects.project_code = terminal_months.project_code
    where terminal_months.terminal_month is null or planned_periods.period_start <= terminal_months.terminal_month
)

select * from indicator_items
union all
select * from sector_items
union all
select * from project_items
