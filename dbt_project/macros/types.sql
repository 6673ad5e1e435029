{#- Portable column types: money and measured values are DECIMAL, never DOUBLE. -#}
{% macro money_type() -%}
    {{ return(api.Column.numeric_type('decimal', 18, 2)) }}
{%- endmacro %}

{% macro measure_type() -%}
    {{ return(api.Column.numeric_type('decimal', 20, 6)) }}
{%- endmacro %}
