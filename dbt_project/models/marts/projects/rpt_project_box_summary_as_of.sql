{#-
    The box summary of every plan as of the end of each year: per plan, boxed project list
    (专栏) and as-of year, its projects by the status of their latest report of the plan up to
    the end of that year, stalled and over budget, and investment completed vs total over
    every listed project: a project not yet reported counts nothing invested, and the share
    is known only when every listed project's total is (docs/methodology.md). As-of years are
    the plan's years and every year with a report of the plan (its baseline year's reports
    included). A monitoring report of any evaluation year reads its rows from here.
-#}
{%- set statuses = ['planning', 'not_started', 'under_construction', 'completed', 'suspended'] -%}

with boxes as (
    select * from {{ ref('dim_project_box') }}
),

projects as (
    select * from {{ ref('dim_project') }}
),

progress as (
    select * from {{ ref('fct_project_progress') }}
    where plan_id is not null
),

plan_years as (
    select
        plan_id,
        year as as_of_year
    from {{ ref('int_plan_years_listed') }}
    where is_plan_year
),

last_of_each_year as (
    select
        *,
        cast(extract(year from report_month) as integer) as report_year,
        row_number() over (
            partition by plan_id, project_code, extract(year from report_month)
            order by report_month desc
        ) as recency_in_year
    from progress
),

as_of_years as (
    select
        plan_id,
        as_of_year
    from plan_years
    union
    select distinct
        plan_id,
        report_year as as_of_year
    from last_of_each_year
),

latest_reports as (
    select
        as_of_years.as_of_year,
        last_of_each_year.*,
        row_number() over (
            partition by last_of_each_year.plan_id, as_of_years.as_of_year, last_of_each_year.project_code
            order by last_of_each_year.report_month desc
        ) as recency
    from as_of_years
    inner join last_of_each_year
        on
            as_of_years.plan_id = last_of_each_year.plan_id
            and as_of_years.as_of_year >= last_of_each_year.report_year
            and last_of_each_year.recency_in_year = 1
),

project_latest as (
    select
        projects.plan_id,
        as_of_years.as_of_year,
        projects.box_no,
        projects.project_code,
        latest_reports.report_month,
        latest_reports.project_status_code,
        latest_reports.total_investment,
        latest_reports.cumulative_investment,
        latest_reports.is_stalled,
        latest_reports.is_over_budget
    from projects
    inner join as_of_years
        on projects.plan_id = as_of_years.plan_id
    left join latest_reports
        on
            projects.plan_id = latest_reports.plan_id
            and projects.project_code = latest_reports.project_code
            and as_of_years.as_of_year = latest_reports.as_of_year
            and latest_reports.recency = 1
),

summarised as (
    select
        plan_id,
        box_no,
        as_of_year,
        cast(count(*) as integer) as projects_listed,
        cast(count(report_month) as integer) as projects_reporting,
        cast(count(*) - count(report_month) as integer) as projects_not_reported,
        cast(count(total_investment) as integer) as projects_with_total,
        {%- for status in statuses %}
            cast(sum(case when project_status_code = '{{ status }}' then 1 else 0 end) as integer)
                as projects_{{ status }},
        {%- endfor %}
        cast(sum(case when is_stalled then 1 else 0 end) as integer) as projects_stalled,
        cast(sum(case when is_over_budget then 1 else 0 end) as integer) as projects_over_budget,
        cast(sum(total_investment) as {{ money_type() }}) as total_investment,
        cast(sum(cumulative_investment) as {{ money_type() }}) as cumulative_investment,
        max(report_month) as latest_report_month
    from project_latest
    group by plan_id, box_no, as_of_year
),

final as (
    select
        boxes.plan_id,
        boxes.box_no,
        as_of_years.as_of_year,
        boxes.box_title_zh,
        boxes.box_title_en,
        boxes.department_code,
        coalesce(summarised.projects_listed, 0) as projects_listed,
        coalesce(summarised.projects_reporting, 0) as projects_reporting,
        coalesce(summarised.projects_not_reported, 0) as projects_not_reported,
        coalesce(summarised.projects_with_total, 0) as projects_with_total,
        {%- for status in statuses %}
            coalesce(summarised.projects_{{ status }}, 0) as projects_{{ status }},
        {%- endfor %}
        coalesce(summarised.projects_stalled, 0) as projects_stalled,
        coalesce(summarised.projects_over_budget, 0) as projects_over_budget,
        summarised.total_investment,
        summarised.cumulative_investment,
        cast(
            case
                when
                    summarised.projects_with_total = summarised.projects_listed
                    and summarised.total_investment > 0
                    then summarised.cumulative_investment / summarised.total_investment
            end as {{ measure_type() }}
        ) as investment_completion_share,
        summarised.latest_report_month
    from boxes
    inner join as_of_years
        on boxes.plan_id = as_of_years.plan_id
    left join summarised
        on
            boxes.plan_id = summarised.plan_id
            and boxes.box_no = summarised.box_no
            and as_of_years.as_of_year = summarised.as_of_year
)

select * from final
