{#- For reconciliation tests: the rows of one staged dataset from accepted submissions that
    no steward withdrew, each with its region (the default region when the row has none),
    derived here from the raw layer and not from the models the tests check. -#}
{% macro accepted_raw_rows(staging_model, columns) -%}
    select
        staged.submission_id,
        {% for column in columns %}staged.{{ column }}, {% endfor %}
        coalesce(staged.region_code, default_region.region_code) as region_code
    from {{ ref(staging_model) }} as staged
    inner join {{ ref('stg_raw__submission_log') }} as submissions
        on staged.submission_id = submissions.submission_id
    left join {{ ref('int_submissions_withdrawn') }} as withdrawn
        on staged.submission_id = withdrawn.submission_id
    cross join (
        select region_code from {{ ref('stg_plan__regions') }}
        where is_default
    ) as default_region
    where submissions.status = 'accepted' and withdrawn.submission_id is null
{%- endmacro %}
