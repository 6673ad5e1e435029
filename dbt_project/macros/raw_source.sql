{#- A raw table that intake writes, or an empty relation with its columns where no intake run
    has created it yet; the columns and types are those declared in _intake__sources.yml. -#}
{% macro raw_source(table_name) -%}
{%- set relation = source('raw', table_name) -%}
{%- if execute and load_relation(relation) is none -%}
{%- set node = graph.sources['source.' ~ project_name ~ '.raw.' ~ table_name] -%}
select
{%- for column in node.columns.values() %}
{%- set data_type = dbt.type_string() if column.data_type == 'varchar' else column.data_type %}
    cast(null as {{ data_type }}) as {{ column.name }}{{ "," if not loop.last }}
{%- endfor %}
where 1 = 0
{%- else -%}
select * from {{ relation }}
{%- endif -%}
{%- endmacro %}
