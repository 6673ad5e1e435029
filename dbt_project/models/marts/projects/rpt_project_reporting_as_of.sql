{#-
    How recently every project of every plan reported, as of the end of each month: one row
    per plan, project and as-of month. As-of months are the months of the plan's years up to
    the latest month any project of the plan reported (a plan without reports has none).
    The reporting rule is the calendar of int_reporting_periods_listed: a quarter's report is
    due by the 15th of the month after it; a project is overdue when a plan quarter is due by
    the end of the as-of month and the project has not reported since that quarter began,
    unless its last report is of a terminal status (completed).
-#}
with projects as (
    select * from {{ ref('dim_project') }}
),

progress as (
    select * from {{ ref('fct_project_progress') }}
    where plan_id is not null
),

statuses as (
    select * from {{ ref('project_statuses') }}
),

plan_years as (
    select * from {{ ref('int_plan_years_listed') }}
    where is_plan_year
),

periods as (
    select * from {{ ref('int_reporting_periods_listed') }}
    where dataset = 'project_progress'
),

months_of_year as (
    {{ dbt.generate_series(12) }}
),

latest_reported as (
    select
        plan_id,
        max(report_month) as latest_report_month
    from progress
    group by plan_id
),

as_of_months as (
    select
        plan_years.plan_id,
        plan_years.region_code,
        cast(
            {{ dbt.dateadd(
                'month',
                'months_of_year.generated_number - 1',
                "cast(" ~ dbt.concat(["cast(plan_years.year as " ~ dbt.type_string() ~ ")", "'-01-01'"]) ~ " as date)",
            ) }} as date
        ) as as_of_month
    from plan_years
    cross join months_of_year
),

bounded_months as (
    select
        as_of_months.plan_id,
        as_of_months.region_code,
        as_of_months.as_of_month,
        cast({{ dbt.dateadd('month', 1, 'as_of_months.as_of_month') }} as date) as next_month
    from as_of_months
    inner join latest_reported
        on as_of_months.plan_id = latest_reported.plan_id
    where as_of_months.as_of_month <= latest_reported.latest_report_month
),

plan_quarters as (
    select
        plan_years.plan_id,
        periods.period_label,
        periods.period_start,
        periods.due_date
    from periods
    inner join plan_years
        on
            periods.region_code = plan_years.region_code
            and periods.period_year = plan_years.year
),

latest_due as (
    select
        bounded_months.plan_id,
        bounded_months.as_of_month,
        plan_quarters.period_label,
        plan_quarters.period_start,
        plan_quarters.due_date,
        row_number() over (
            partition by bounded_months.plan_id, bounded_months.as_of_month
            order by plan_quarters.period_start desc
        ) as recency
    from bounded_months
    inner join plan_quarters
        on
            bounded_months.plan_id = plan_quarters.plan_id
            and bounded_months.next_month > plan_quarters.due_date
),

project_months as (
    select
        projects.plan_id,
        projects.project_code,
        bounded_months.as_of_month,
        bounded_months.region_code,
        projects.name_zh as project_name_zh,
        projects.name_en as project_name_en,
        projects.box_no,
        projects.department_code
    from projects
    inner join bounded_months
        on projects.plan_id = bounded_months.plan_id
),

reports_to_date as (
    select
        project_months.plan_id,
        project_months.project_code,
        project_months.as_of_month,
        progress.report_month,
        progress.project_status_code,
        row_number() over (
            partition by project_months.plan_id, project_months.project_code, project_months.as_of_month
            order by progress.report_month desc
        ) as recency
    from project_months
    inner join progress
        on
            project_months.plan_id = progress.plan_id
            and project_months.project_code = progress.project_code
            and project_months.as_of_month >= progress.report_month
),

final as (
    select
        project_months.plan_id,
        project_months.project_code,
        project_months.as_of_month,
        project_months.project_name_zh,
        project_months.project_name_en,
        project_months.box_no,
        project_months.department_code,
        project_months.region_code,
        reports_to_date.report_month as last_report_month,
        case
            when reports_to_date.report_month is not null
                then {{ dbt.datediff('reports_to_date.report_month', 'project_months.as_of_month', 'month') }}
        end as months_since_last_report,
        reports_to_date.project_status_code as last_project_status_code,
        latest_due.period_label as due_period_label,
        latest_due.due_date,
        coalesce(
            latest_due.period_start is not null
            and not coalesce(statuses.is_terminal, false)
            and (
                reports_to_date.report_month is null
                or reports_to_date.report_month < latest_due.period_start
            ),
            false
        ) as is_overdue
    from project_months
    left join reports_to_date
        on
            project_months.plan_id = reports_to_date.plan_id
            and project_months.project_code = reports_to_date.project_code
            and project_months.as_of_month = reports_to_date.as_of_month
            and reports_to_date.recency = 1
    left join latest_due
        on
            project_months.plan_id = latest_due.plan_id
            and project_months.as_of_month = latest_due.as_of_month
            and latest_due.recency = 1
    left join statuses
        on reports_to_date.project_status_code = statuses.status_code
)

select * from final
