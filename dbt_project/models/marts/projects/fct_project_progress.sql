{#-
    Current project reports with their plan: the plan of the report's region that the report
    month's year belongs to (int_region_years_planned; null where no plan spans it).

    Incremental, by submission (macros/project_reports_incremental.sql): what arrives and what a
    steward withdraws or reprocesses is a submission, and one submission may hold any months (a
    new month, a revision or backfill of an old one), so months alone cannot say what changed.
    From the submissions new to the fact or withdrawn, each region and project is recomputed
    from its earliest changed month on, carrying on from its report before that month; a key
    whose every revision was withdrawn is deleted after (post-hook). `--full-refresh` gives the
    same rows. Reference data (seeds: plans, projects, statuses, thresholds) is joined only to
    recomputed rows, so a change to it needs `--full-refresh`.
-#}
{{ config(
    incremental_strategy='delete+insert',
    unique_key=['region_code', 'project_code', 'report_month'],
    on_schema_change='fail',
    post_hook="{{ delete_withdrawn_reports(this) }}",
) }}
-- depends_on: {{ ref('int_project_reports_located') }}
-- depends_on: {{ ref('int_submissions_withdrawn') }}
with reports as (
    {%- if is_incremental() %}
        {{ recomputed_project_reports(this) }}
    {%- else %}
        select * from {{ ref('int_project_reports_sequenced') }}
    {%- endif %}
),

region_years as (
    select * from {{ ref('int_region_years_planned') }}
),

projects as (
    select * from {{ ref('dim_project') }}
),

statuses as (
    select * from {{ ref('project_statuses') }}
),

thresholds as (
    select * from {{ ref('int_status_thresholds_pivoted') }}
),

measured as (
    select
        reports.*,
        cast(
            case
                when reports.total_investment > 0 then reports.cumulative_investment / reports.total_investment
            end as {{ measure_type() }}
        ) as completion_share,
        case
            when reports.start_date is not null
                then {{ dbt.datediff('reports.start_date', 'reports.report_month', 'month') }}
        end as months_since_start,
        case
            when reports.last_investment_month is not null
                then {{ dbt.datediff('reports.last_investment_month', 'reports.report_month', 'month') }}
        end as months_without_investment,
        thresholds.project_stall_months,
        region_years.plan_id
    from reports
    cross join thresholds
    left join region_years
        on
            reports.region_code = region_years.region_code
            and cast(extract(year from reports.report_month) as integer) = region_years.year
),

final as (
    select
        measured.project_report_id,
        measured.plan_id,
        measured.project_code,
        projects.name_zh as project_name_zh,
        projects.name_en as project_name_en,
        projects.box_no,
        projects.box_title_zh,
        measured.region_code,
        measured.report_month,
        measured.project_status_code,
        statuses.name_zh as project_status_zh,
        statuses.name_en as project_status_en,
        measured.total_investment,
        measured.period_investment,
        measured.cumulative_investment,
        measured.previous_cumulative_investment,
        measured.first_total_investment,
        measured.completion_share,
        measured.start_date,
        measured.completion_date,
        measured.months_since_start,
        measured.last_investment_month,
        measured.months_without_investment,
        measured.project_stall_months,
        coalesce(
            measured.project_status_code = 'suspended'
            or (
                measured.project_status_code = 'under_construction'
                and measured.months_without_investment >= measured.project_stall_months
            ),
            false
        ) as is_stalled,
        coalesce(measured.cumulative_investment > measured.total_investment, false) as is_over_budget,
        coalesce(measured.total_investment > measured.first_total_investment, false) as is_total_revised_up,
        coalesce(
            measured.cumulative_investment < measured.previous_cumulative_investment, false
        ) as is_cumulative_decreasing,
        measured.revision_no,
        measured.revision_count,
        measured.submission_id,
        measured.department_code,
        measured.sheet,
        measured.excel_row,
        measured.note,
        measured.received_at
    from measured
    left join projects
        on
            measured.plan_id = projects.plan_id
            and measured.project_code = projects.project_code
    left join statuses
        on measured.project_status_code = statuses.status_code
)

select * from final
