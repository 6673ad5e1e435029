{#-
    The reporting calendar: one row per dataset and period with its due date, from the
    baseline year to the plan's end. Indicator values and sector output are annual and due
    by 31 March of the next year; project progress is quarterly (any month of the quarter
    counts) and due by the 15th of the month after the quarter. The as-of date is today,
    or the var as_of_date when set (tests and re-runs of a past state).
-#}
{%- set as_of = var('as_of_date', none) -%}
{%- set quarter_ends = ['03-31', '06-30', '09-30', '12-31'] -%}
{%- set periods = [] -%}
{%- for year in range(var('plan_baseline_year'), var('plan_end_year') + 1) -%}
    {%- for dataset in ['indicator_values', 'sector_output'] -%}
        {%- do periods.append({
            'dataset': dataset, 'period_type': 'annual', 'period_label': year ~ '',
            'year': year, 'start': year ~ '-01-01', 'end': year ~ '-12-31', 'due': (year + 1) ~ '-03-31',
        }) -%}
    {%- endfor -%}
    {%- for quarter in range(1, 5) -%}
        {%- set due = (year + 1) ~ '-01-15' if quarter == 4 else year ~ '-' ~ ('%02d' % (3 * quarter + 1)) ~ '-15' -%}
        {%- do periods.append({
            'dataset': 'project_progress', 'period_type': 'quarterly', 'period_label': year ~ '-Q' ~ quarter,
            'year': year, 'start': year ~ '-' ~ ('%02d' % (3 * quarter - 2)) ~ '-01',
            'end': year ~ '-' ~ quarter_ends[quarter - 1], 'due': due,
        }) -%}
    {%- endfor -%}
{%- endfor -%}

with calendar as (
    {%- for period in periods %}
        select
            '{{ period.dataset }}' as dataset,
            '{{ period.period_type }}' as period_type,
            '{{ period.period_label }}' as period_label,
            {{ period.year }} as period_year,
            cast('{{ period.start }}' as date) as period_start,
            cast('{{ period.end }}' as date) as period_end,
            cast('{{ period.due }}' as date) as due_date
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
),

as_of as (
    select
        {%- if as_of %}
            cast('{{ as_of }}' as date) as as_of_date
        {%- else %}
            cast({{ dbt.current_timestamp() }} as date) as as_of_date
        {%- endif %}
)

select
    calendar.dataset,
    calendar.period_type,
    calendar.period_label,
    calendar.period_year,
    calendar.period_start,
    calendar.period_end,
    calendar.due_date,
    as_of.as_of_date,
    calendar.period_year between {{ var('plan_start_year') }} and {{ var('plan_end_year') }} as is_plan_period,
    calendar.period_start <= as_of.as_of_date as is_started,
    calendar.due_date < as_of.as_of_date as is_due
from calendar
cross join as_of
