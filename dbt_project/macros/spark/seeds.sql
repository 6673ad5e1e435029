{#- Seed rows on Spark as literals. dbt-spark's session method splices its bindings into the SQL
    unescaped, so a value holding a quote breaks the statement and an empty cell arrives as the
    text 'None'; this writes null for an empty cell and escapes quotes and backslashes, which
    Spark's string literals treat as escapes. -#}
{% macro spark__load_csv_rows(model, agate_table) -%}
{%- set types = seed_column_types(model, agate_table) -%}
{%- set statements = [] -%}
{%- for chunk in agate_table.rows | batch(get_batch_size()) -%}
{%- set sql -%}
insert into {{ this.render() }} values
{%- for row in chunk %}
({%- for value in row -%}
cast({{ spark_seed_literal(value) }} as {{ types[loop.index0] }}){{ ", " if not loop.last }}
{%- endfor -%}){{ "," if not loop.last }}
{%- endfor %}
{%- endset -%}
{%- do adapter.add_query(sql, abridge_sql_log=True) -%}
{%- do statements.append(sql) -%}
{%- endfor -%}
{{ return(statements[0] if statements else '') }}
{%- endmacro %}

{% macro spark_seed_literal(value) -%}
{%- if value is none -%}
null
{%- else -%}
'{{ value | string | replace("\\", "\\\\") | replace("'", "\\'") }}'
{%- endif -%}
{%- endmacro %}

{#- The type of each column of a seed: its column_types entry, else the type dbt infers. -#}
{% macro seed_column_types(model, agate_table) -%}
{%- set column_override = model['config'].get('column_types', {}) -%}
{%- set types = [] -%}
{%- for column_name in agate_table.column_names -%}
{%- do types.append(column_override.get(column_name, adapter.convert_type(agate_table, loop.index0))) -%}
{%- endfor -%}
{{ return(types) }}
{%- endmacro %}

{#- A seed's table on Spark. dbt loads no rows into a seed of none (a header-only seed such as
    annual_targets), and Spark writes no file for a table created empty, so a reader of the
    parquet folder (the build database, after a Spark build) would find no columns; an insert
    of no rows leaves one empty file that carries them. -#}
{% macro spark__create_csv_table(model, agate_table) -%}
{%- set sql = dbt.spark__create_csv_table(model, agate_table) -%}
{%- if agate_table.rows | length == 0 -%}
{%- set types = seed_column_types(model, agate_table) -%}
{%- call statement('_') -%}
insert into {{ this.render() }}
select
{%- for column_name in agate_table.column_names %}
    cast(null as {{ types[loop.index0] }}) as {{ column_name }}{{ "," if not loop.last }}
{%- endfor %}
where 1 = 0
{%- endcall -%}
{%- endif -%}
{{ return(sql) }}
{%- endmacro %}
