{#- A time of the raw layer (naive wall-clock time in the warehouse's zone, PLANWATCH_TIMEZONE,
    Asia/Shanghai) as a timestamp with its zone, so the marts say which instant it is. -#}
{% macro zoned_time(expression) -%}
    {{ return(adapter.dispatch('zoned_time', 'planwatch')(expression)) }}
{%- endmacro %}

{% macro time_zone() -%}
    {{ return(env_var('PLANWATCH_TIMEZONE', 'Asia/Shanghai')) }}
{%- endmacro %}

{% macro default__zoned_time(expression) -%}
    cast({{ expression }} as timestamp with time zone)
{%- endmacro %}

{% macro duckdb__zoned_time(expression) -%}
    timezone('{{ time_zone() }}', cast({{ expression }} as timestamp))
{%- endmacro %}

{#- Spark reads the raw layer's naive times as TIMESTAMP_NTZ and casts them to an instant in the
    session's zone, which the spark target of profiles.yml sets to the same PLANWATCH_TIMEZONE
    (to_utc_timestamp would shift them a second time). -#}
{% macro spark__zoned_time(expression) -%}
    cast(cast({{ expression }} as timestamp_ntz) as timestamp)
{%- endmacro %}
