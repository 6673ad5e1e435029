{#-
    The revisioning rule, defined once for every submitted dataset: per key, every accepted row
    is a revision, numbered by arrival (received time, then submission id); the latest is
    current (is_current). `rows` is a relation or CTE name with submission_id and received_at; `key` the
    columns a revision replaces the value of; `id_columns` those hashed into the row id (the
    submission and the key); `excluded_submissions`, optional SQL selecting submission_id,
    drops submissions that no longer count (a steward's withdrawal) before numbering.
-#}
{% macro revisioned(rows, key, id_name, id_columns, value_column=none, excluded_submissions=none) -%}
    {%- set partition = key | join(', ') -%}
    {%- set order = 'received_at, submission_id' -%}
    {%- set hashed = [] -%}
    {%- for column in id_columns -%}
        {%- do hashed.append("cast(" ~ column ~ " as " ~ dbt.type_string() ~ ")") -%}
        {%- if not loop.last %}{% do hashed.append("'|'") %}{% endif -%}
    {%- endfor %}
    select
        {{ dbt.hash(dbt.concat(hashed)) }} as {{ id_name }},
        counted.*,
        row_number() over (partition by {{ partition }} order by {{ order }}) as revision_no,
        count(*) over (partition by {{ partition }}) as revision_count,
        lead(submission_id) over (partition by {{ partition }} order by {{ order }}) as superseded_by_submission_id,
        row_number() over (
            partition by {{ partition }} order by received_at desc, submission_id desc
        ) = 1 as is_current
        {%- if value_column %},
        lag({{ value_column }}) over (partition by {{ partition }} order by {{ order }}) as previous_revision_value
        {%- endif %}
    from {{ rows }} as counted
    {%- if excluded_submissions %}
    where counted.submission_id not in ({{ excluded_submissions }})
    {%- endif %}
{%- endmacro %}
