{#- The raw layer as tables of the engine. On DuckDB intake writes them in the build database;
    on Spark they are parquet folders (one per raw table, PLANWATCH_SPARK_RAW) that the refresh
    exports from it, declared here as external tables before anything is built. -#}
{% macro register_raw_layer() -%}
    {{ return(adapter.dispatch('register_raw_layer', 'planwatch')()) }}
{%- endmacro %}

{% macro default__register_raw_layer() -%}
{%- endmacro %}

{% macro spark__register_raw_layer() -%}
    {%- if execute -%}
        {%- set folder = env_var('PLANWATCH_SPARK_RAW', '') -%}
        {%- if folder -%}
            {%- do run_query('create database if not exists raw') -%}
            {%- for node in graph.sources.values() if node.source_name == 'raw' -%}
                {%- do run_query('drop table if exists raw.' ~ node.name) -%}
                {%- do run_query(
                    'create table raw.' ~ node.name ~ " using parquet location '"
                    ~ folder ~ '/' ~ node.name ~ "'"
                ) -%}
            {%- endfor -%}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}
