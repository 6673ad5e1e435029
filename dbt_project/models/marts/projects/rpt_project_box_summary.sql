{#- One row per boxed project list (专栏): its projects by latest reported status and investment completed vs total. -#}
{%- set statuses = ['planning', 'not_started', 'under_construction', 'completed', 'suspended'] -%}

with boxes as (
    select * from {{ ref('dim_project_box') }}
),

projects as (
    select * from {{ ref('dim_project') }}
),

progress as (
    select * from {{ ref('fct_project_progress') }}
),

latest_reports as (
    select
        *,
        row_number() over (partition by project_code order by report_month desc) as recency
    from progress
),

project_latest as (
    select
        projects.box_no,
        projects.project_code,
        latest_reports.report_month,
        latest_reports.project_status_code,
        latest_reports.total_investment,
        latest_reports.cumulative_investment,
        latest_reports.is_stalled,
        latest_reports.is_over_budget
    from projects
    left join latest_reports
        on
            projects.project_code = latest_reports.project_code
            and latest_reports.recency = 1
),

summarised as (
    select
        box_no,
        cast(count(*) as integer) as projects_listed,
        cast(count(report_month) as integer) as projects_reporting,
        cast(count(*) - count(report_month) as integer) as projects_not_reported,
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
    group by box_no
),

final as (
    select
        boxes.box_no,
        boxes.box_title_zh,
        boxes.box_title_en,
        boxes.department_code,
        coalesce(summarised.projects_listed, 0) as projects_listed,
        coalesce(summarised.projects_reporting, 0) as projects_reporting,
        coalesce(summarised.projects_not_reported, 0) as projects_not_reported,
        {%- for status in statuses %}
            coalesce(summarised.projects_{{ status }}, 0) as projects_{{ status }},
        {%- endfor %}
        coalesce(summarised.projects_stalled, 0) as projects_stalled,
        coalesce(summarised.projects_over_budget, 0) as projects_over_budget,
        summarised.total_investment,
        summarised.cumulative_investment,
        cast(
            case
                when summarised.total_investment > 0
                    then summarised.cumulative_investment / summarised.total_investment
            end as {{ measure_type() }}
        ) as investment_completion_share,
        summarised.latest_report_month
    from boxes
    left join summarised
        on boxes.box_no = summarised.box_no
)

select * from final
