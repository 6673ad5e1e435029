{#- The as-of date of a build: the var as_of_date when set (tests, re-runs of a past state),
    else today. What is due, what is overdue and which plan is current are judged on it. -#}
{% macro as_of_date() -%}
    {%- set as_of = var('as_of_date', none) -%}
    {%- if as_of -%}
        cast('{{ as_of }}' as date)
    {%- else -%}
        cast({{ dbt.current_timestamp() }} as date)
    {%- endif -%}
{%- endmacro %}

{#- The evaluation date of a year (docs/methodology.md): 31 December of that year. -#}
{% macro evaluation_date(year) -%}
    cast({{ dbt.concat(["cast(" ~ year ~ " as " ~ dbt.type_string() ~ ")", "'-12-31'"]) }} as date)
{%- endmacro %}
