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

{#- A column of a raw table, cast, or a typed null while intake does not write that column yet
    (region_code of project_progress and submission_log), so staging reads it as soon as it is
    there. The columns are those of the table in the build database, else of _intake__sources.yml. -#}
{% macro raw_column(table_name, column_name, data_type) -%}
{%- set present = [] -%}
{%- if execute -%}
{%- set relation = load_relation(source('raw', table_name)) -%}
{%- if relation is none -%}
{%- set names = graph.sources['source.' ~ project_name ~ '.raw.' ~ table_name].columns.keys() | list -%}
{%- else -%}
{%- set names = adapter.get_columns_in_relation(relation) | map(attribute='name') | map('lower') | list -%}
{%- endif -%}
{%- do present.append(column_name in names) -%}
{%- endif -%}
{%- if present and present[0] -%}
    cast({{ column_name }} as {{ data_type }})
{%- else -%}
    cast(null as {{ data_type }})
{%- endif -%}
{%- endmacro %}
