{#-
    The project-report rules the full and the incremental build of fct_project_progress share.

    project_report_revisions: the revisions of `rows` (int_project_reports_located's columns) per
    region, project and report month, withdrawn submissions left out (macros/revisions.sql).
-#}
{% macro project_report_revisions(rows) -%}
    {{ revisioned(
        rows,
        key=['region_code', 'project_code', 'report_month'],
        id_name='project_report_id',
        id_columns=['submission_id', 'region_code', 'project_code', 'report_month'],
        excluded_submissions='select submission_id from ' ~ ref('int_submissions_withdrawn'),
    ) }}
{%- endmacro %}

{#-
    sequenced_project_reports: current reports (`reports`) in month order per region and project,
    with the previous cumulative investment, the first reported total, the report month when
    investment grew and the last such month so far. `carried`, optional, names a relation with
    one row per region and project: the state of its report just before the first month of
    `reports` (cumulative_investment, first_total_investment, last_investment_month), which the
    windows continue from, so an incremental build recomputes only the months from there on.
-#}
{% macro sequenced_project_reports(reports, carried=none) -%}
    {%- set window = 'partition by region_code, project_code order by report_month' -%}
    {%- set running = window ~ ' rows between unbounded preceding and current row' -%}
    {%- set previous = 'lag(cumulative_investment) over (' ~ window ~ ')' -%}
    {%- set first_total = 'first_value(total_investment) over (' ~ running ~ ')' -%}
    {%- set last_month = 'max(investment_month) over (' ~ running ~ ')' -%}
    {%- if carried -%}
        {#- the first month recomputed follows the carried report; months carried are all
            earlier than those recomputed, so a recomputed investment month is the later -#}
        {%- set previous = 'case when is_carried and row_number() over (' ~ window ~ ') = 1'
            ~ ' then carried_cumulative_investment else ' ~ previous ~ ' end' -%}
        {%- set first_total = 'case when is_carried then carried_first_total_investment else '
            ~ first_total ~ ' end' -%}
        {%- set last_month = 'coalesce(' ~ last_month ~ ', carried_last_investment_month)' -%}
    {%- endif -%}
    with
    {%- if carried %}
        seeded as (
            select
                {{ reports }}.*,
                {{ carried }}.project_code is not null as is_carried,
                {{ carried }}.cumulative_investment as carried_cumulative_investment,
                {{ carried }}.first_total_investment as carried_first_total_investment,
                {{ carried }}.last_investment_month as carried_last_investment_month
            from {{ reports }}
            left join {{ carried }}
                on
                    {{ reports }}.region_code = {{ carried }}.region_code
                    and {{ reports }}.project_code = {{ carried }}.project_code
        ),
    {%- endif %}

    with_previous as (
        select
            *,
            {{ previous }} as previous_cumulative_investment,
            {{ first_total }} as first_total_investment
        from {{ 'seeded' if carried else reports }}
    ),

    investment_months as (
        select
            *,
            case
                when
                    period_investment > 0
                    or cumulative_investment > previous_cumulative_investment
                    or (previous_cumulative_investment is null and cumulative_investment > 0)
                    then report_month
            end as investment_month
        from with_previous
    ),

    sequenced as (
        select
            *,
            {{ last_month }} as last_investment_month
        from investment_months
    )

    select * from sequenced
{%- endmacro %}
