{#-
    What each department owes per dataset and started plan period: every indicator and
    sector it is responsible for each year, and every project of its boxes each quarter
    until the quarter after the project reports a terminal status (completed).
-#}
with periods as (
    select * from {{ ref('int_reporting_periods_listed') }}
    where is_plan_period and is_started
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

terminal_months as (
    select
        reports.project_code,
        min(reports.report_month) as terminal_month
    from reports
    inner join statuses
        on reports.project_status_code = statuses.status_code
    where statuses.is_terminal
    group by reports.project_code
),

indicator_items as (
    select
        indicators.department_code,
        periods.dataset,
        periods.period_start,
        indicators.indicator_code as item_code
    from indicators
    inner join periods
        on periods.dataset = 'indicator_values'
),

sector_items as (
    select
        sectors.department_code,
        periods.dataset,
        periods.period_start,
        sectors.sector_code as item_code
    from sectors
    inner join periods
        on periods.dataset = 'sector_output'
),

project_items as (
    select
        boxes.department_code,
        periods.dataset,
        periods.period_start,
        projects.project_code as item_code
    from projects
    inner join boxes
        on projects.box_no = boxes.box_no
    inner join periods
        on periods.dataset = 'project_progress'
    left join terminal_months
        on projects.project_code = terminal_months.project_code
    where terminal_months.terminal_month is null or periods.period_start <= terminal_months.terminal_month
)

select * from indicator_items
union all
select * from sector_items
union all
select * from project_items
