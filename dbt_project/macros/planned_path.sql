{#-
    The planned path of docs/methodology.md, defined once for the progress statuses and the
    expected-path mart: which formula applies to an indicator or sector, and its value in a
    year. compound B·(T/B)^t and linear B+(T−B)·t with t = (year − baseline year) / span;
    flat when B = T; flat_target (T every year) for a floor or ceiling without a baseline;
    null when there is no level path (an annual rate, or no target).
-#}
{% macro path_formula(path_type, baseline_value, target_value) -%}
    case
        when {{ path_type }} = 'annual_rate' or {{ target_value }} is null then null
        when {{ baseline_value }} is null
            then case when {{ path_type }} in ('floor', 'ceiling') then 'flat_target' end
        when {{ baseline_value }} = {{ target_value }} then 'flat'
        when {{ path_type }} in ('floor', 'ceiling') then 'linear'
        when
            {{ path_type }} = 'compound'
            and {{ baseline_value }} > 0
            and {{ target_value }} > 0
            then 'compound'
        else 'linear'
    end
{%- endmacro %}

{% macro path_value(path_formula, baseline_value, target_value, years_elapsed) -%}
    {%- set plan_span = var('plan_end_year') - var('plan_baseline_year') -%}
    cast(
        case {{ path_formula }}
            when 'compound'
                then {{ baseline_value }} * power({{ target_value }} / {{ baseline_value }}, {{ years_elapsed }} / {{ plan_span }}.0)
            when 'linear'
                then {{ baseline_value }} + ({{ target_value }} - {{ baseline_value }}) * {{ years_elapsed }} / {{ plan_span }}.0
            when 'flat' then {{ baseline_value }}
            when 'flat_target' then {{ target_value }}
        end as {{ measure_type() }}
    )
{%- endmacro %}
