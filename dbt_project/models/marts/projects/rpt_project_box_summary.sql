{#-
    One row per plan and boxed project list (专栏): its projects by latest reported status and
    investment completed vs total over every listed project; the latest as-of year of the plan in
    rpt_project_box_summary_as_of (every report of the plan counts).
-#}
with summaries as (
    select * from {{ ref('rpt_project_box_summary_as_of') }}
),

latest_as_of as (
    select
        plan_id,
        max(as_of_year) as as_of_year
    from summaries
    group by plan_id
),

final as (
    select
        summaries.plan_id,
        summaries.box_no,
        summaries.box_title_zh,
        summaries.box_title_en,
        summaries.department_code,
        summaries.projects_listed,
        summaries.projects_reporting,
        summaries.projects_not_reported,
        summaries.projects_with_total,
        summaries.projects_planning,
        summaries.projects_not_started,
        summaries.projects_under_construction,
        summaries.projects_completed,
        summaries.projects_suspended,
        summaries.projects_stalled,
        summaries.projects_over_budget,
        summaries.total_investment,
        summaries.cumulative_investment,
        summaries.investment_completion_share,
        summaries.latest_report_month
    from summaries
    inner join latest_as_of
        on
            summaries.plan_id = latest_as_of.plan_id
            and summaries.as_of_year = latest_as_of.as_of_year
)

select * from final
