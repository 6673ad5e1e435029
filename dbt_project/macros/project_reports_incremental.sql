{#-
    The incremental build of fct_project_progress, by submission. `built` is the fact as the
    last build left it. A submission it does not hold (new, a steward's reprocess, or one whose
    rows were all superseded) and a withdrawn one mark their region, project and month keys as
    candidates; a candidate changed when its current submission or its number of revisions now
    differs from the fact's (or it appeared or vanished). Per region and project, every month
    from the earliest changed one on is recomputed (revisions, then the month-ordered windows
    carried on from the fact's report just before that month); earlier months stay as built.
-#}
{% macro recomputed_project_reports(built) -%}
    with located as (
        select * from {{ ref('int_project_reports_located') }}
    ),

    withdrawn as (
        select submission_id from {{ ref('int_submissions_withdrawn') }}
    ),

    built_reports as (
        select
            region_code,
            project_code,
            report_month,
            submission_id,
            revision_count,
            cumulative_investment,
            first_total_investment,
            last_investment_month
        from {{ built }}
    ),

    built_submissions as (
        select distinct submission_id from built_reports
    ),

    candidate_keys as (
        select distinct
            located.region_code,
            located.project_code,
            located.report_month
        from located
        left join built_submissions
            on located.submission_id = built_submissions.submission_id
        left join withdrawn
            on located.submission_id = withdrawn.submission_id
        where built_submissions.submission_id is null or withdrawn.submission_id is not null
    ),

    candidate_rows as (
        select located.*
        from located
        inner join candidate_keys
            on
                located.region_code = candidate_keys.region_code
                and located.project_code = candidate_keys.project_code
                and located.report_month = candidate_keys.report_month
    ),

    candidate_revisions as (
        {{ project_report_revisions('candidate_rows') }}
    ),

    candidates_now as (
        select * from candidate_revisions
        where is_current
    ),

    candidates_built as (
        select built_reports.*
        from built_reports
        inner join candidate_keys
            on
                built_reports.region_code = candidate_keys.region_code
                and built_reports.project_code = candidate_keys.project_code
                and built_reports.report_month = candidate_keys.report_month
    ),

    changed_keys as (
        select
            coalesce(candidates_now.region_code, candidates_built.region_code) as region_code,
            coalesce(candidates_now.project_code, candidates_built.project_code) as project_code,
            coalesce(candidates_now.report_month, candidates_built.report_month) as report_month
        from candidates_now
        full outer join candidates_built
            on
                candidates_now.region_code = candidates_built.region_code
                and candidates_now.project_code = candidates_built.project_code
                and candidates_now.report_month = candidates_built.report_month
        where
            candidates_now.submission_id is null
            or candidates_built.submission_id is null
            or candidates_now.submission_id != candidates_built.submission_id
            or candidates_now.revision_count != candidates_built.revision_count
    ),

    affected as (
        select
            region_code,
            project_code,
            min(report_month) as recompute_from
        from changed_keys
        group by region_code, project_code
    ),

    affected_rows as (
        select located.*
        from located
        inner join affected
            on
                located.region_code = affected.region_code
                and located.project_code = affected.project_code
        where located.report_month >= affected.recompute_from
    ),

    affected_revisions as (
        {{ project_report_revisions('affected_rows') }}
    ),

    reports as (
        select * from affected_revisions
        where is_current
    ),

    carried_months as (
        select
            built_reports.region_code,
            built_reports.project_code,
            max(built_reports.report_month) as report_month
        from built_reports
        inner join affected
            on
                built_reports.region_code = affected.region_code
                and built_reports.project_code = affected.project_code
        where built_reports.report_month < affected.recompute_from
        group by built_reports.region_code, built_reports.project_code
    ),

    carried as (
        select built_reports.*
        from built_reports
        inner join carried_months
            on
                built_reports.region_code = carried_months.region_code
                and built_reports.project_code = carried_months.project_code
                and built_reports.report_month = carried_months.report_month
    ),

    sequenced as (
        {{ sequenced_project_reports('reports', carried='carried') }}
    )

    select * from sequenced
{%- endmacro %}

{#-
    The rows of withdrawn submissions still in `relation`: after a delete+insert they are those
    of keys whose every revision was withdrawn (nothing replaced them), so they go. Dispatched:
    an engine without row deletes (Spark on plain files) overwrites partitions instead.
-#}
{% macro delete_withdrawn_reports(relation) -%}
    {{ return(adapter.dispatch('delete_withdrawn_reports', 'planwatch')(relation)) }}
{%- endmacro %}

{% macro default__delete_withdrawn_reports(relation) -%}
    delete from {{ relation }}
    where submission_id in (select submission_id from {{ ref('int_submissions_withdrawn') }})
{%- endmacro %}

{#- Spark builds the fact whole (dbt_project.yml), with no withdrawn rows to delete after. -#}
{% macro spark__delete_withdrawn_reports(relation) -%}
{%- endmacro %}
