{#- listagg with its order on Spark: dbt-spark's listagg ignores order_by_clause ("not supported
    on Spark"), so a path of names would come out in any order. This sorts the collected values
    by the one column the clause names (`order by <column> [asc|desc]`). -#}
{% macro spark__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
    {%- set items = 'collect_list(' ~ measure ~ ')' -%}
    {%- if order_by_clause -%}
        {%- set words = order_by_clause.lower().split() -%}
        {%- if words[:2] != ['order', 'by'] or words | length < 3 or words[3:] not in [[], ['asc'], ['desc']] -%}
            {{ exceptions.raise_compiler_error("spark__listagg orders by one column: " ~ order_by_clause) }}
        {%- endif -%}
        {%- set ascending = 'false' if words[3:] == ['desc'] else 'true' -%}
        {%- set pairs = 'collect_list(struct(' ~ words[2] ~ ' as sort_key, ' ~ measure ~ ' as item))' -%}
        {%- set items = 'transform(sort_array(' ~ pairs ~ ', ' ~ ascending ~ '), entry -> entry.item)' -%}
    {%- endif -%}
    {%- if limit_num -%}
        {%- set items = 'slice(' ~ items ~ ', 1, ' ~ limit_num ~ ')' -%}
    {%- endif -%}
    array_join({{ items }}, {{ delimiter_text }})
{%- endmacro %}
