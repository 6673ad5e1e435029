{#-
    The planned path of docs/methodology.md, defined once for the progress statuses and the
    expected-path mart: which formula applies to an indicator or sector, and its value in a
    year. compound B·(T/B)^t and linear B+(T−B)·t with t = (year − baseline year) / plan span,
    the span coming from the plan (end year − baseline year); flat when B = T; flat_target
    (T every year) for a floor or ceiling without a baseline; annual_target where the plan
    sets that year's level itself (annual_targets); null when there is no level path (an
    annual rate, a qualitative target, or no target).
-#}
{% macro path_formula(path_type, baseline_value, target_value, annual_target_value='null') -%}
    case
        when {{ path_type }} = 'annual_rate' then null
        when {{ annual_target_value }} is not null then 'annual_target'
        when {{ target_value }} is null then null
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

{% macro path_value(path_formula, baseline_value, target_value, years_elapsed, plan_span, annual_target_value='null') -%}
    cast(
        case {{ path_formula }}
            when 'compound'
                then {{ baseline_value }} * power({{ target_value }} / {{ baseline_value }}, {{ years_elapsed }} / ({{ plan_span }} * 1.0))
            when 'linear'
                then {{ baseline_value }} + ({{ target_value }} - {{ baseline_value }}) * {{ years_elapsed }} / ({{ plan_span }} * 1.0)
            when 'flat' then {{ baseline_value }}
            when 'flat_target' then {{ target_value }}
            when 'annual_target' then {{ annual_target_value }}
        end as {{ measure_type() }}
    )
{%- endmacro %}
