{#-
    The final evaluation (总结评估) of every plan: per plan and indicator, whether its target
    was completed (已完成) or not (未完成), with the margin (docs/methodology.md). A level is
    judged by the value of the plan's final year against the target in force on the
    evaluation date of that year (31 December), an annual rate by its average over the plan
    years with data (compounded) against the average of the years' target rates. The
    original target is kept beside the one judged against. A qualitative target is listed
    with its text, never judged on a number.
-#}
with indicators as (
    select * from {{ ref('dim_indicator') }}
),

targets as (
    select * from {{ ref('int_indicator_targets_in_force') }}
    where year = target_year
),

progress as (
    select * from {{ ref('fct_indicator_progress') }}
),

completion_codes as (
    select * from {{ ref('stg_methodology__completion_codes') }}
),

{#- Annual rates compound: a fall (降低) of r % a year leaves (1 − r/100) each year. #}
rate_years as (
    select
        plan_id,
        indicator_code,
        cast(count(actual_value) as integer) as years_with_data,
        avg(case when direction = 'decrease' then ln(1 - actual_value / 100) else ln(1 + actual_value / 100) end)
            as mean_log_rate,
        avg(
            case
                when actual_value is null then null
                when direction = 'decrease' then ln(1 - target_annual_rate / 100)
                else ln(1 + target_annual_rate / 100)
            end
        ) as mean_log_target,
        max(direction) as direction
    from progress
    where path_type = 'annual_rate'
    group by plan_id, indicator_code
),

rates as (
    select
        plan_id,
        indicator_code,
        years_with_data,
        case
            when direction = 'decrease' then (1 - exp(mean_log_rate)) * 100
            else (exp(mean_log_rate) - 1) * 100
        end as average_rate,
        case
            when direction = 'decrease' then (1 - exp(mean_log_target)) * 100
            else (exp(mean_log_target) - 1) * 100
        end as average_target_rate
    from rate_years
),

final_years as (
    select * from progress
    where year = target_year
),

framed as (
    select
        indicators.plan_id,
        indicators.indicator_code,
        indicators.region_code,
        indicators.indicator_seq,
        indicators.name_zh as indicator_name_zh,
        indicators.name_en as indicator_name_en,
        indicators.unit,
        indicators.attribute_zh,
        indicators.attribute_en,
        indicators.is_binding,
        indicators.direction,
        indicators.path_type,
        targets.target_year as final_year,
        {{ evaluation_date('targets.target_year') }} as evaluation_date,
        case when indicators.path_type = 'annual_rate' then 'average_annual_rate' else 'final_year_value' end
            as value_basis,
        cast(
            case when indicators.path_type = 'annual_rate' then rates.average_rate else final_years.actual_value end
            as {{ measure_type() }}
        ) as final_value,
        case
            when indicators.path_type = 'annual_rate' then coalesce(rates.years_with_data, 0)
            when final_years.actual_value is not null then 1
            else 0
        end as years_with_data,
        cast(
            case
                when indicators.path_type <> 'annual_rate' then targets.target_value
                when rates.years_with_data > 0 then rates.average_target_rate
                else targets.target_annual_rate
            end as {{ measure_type() }}
        ) as target_value,
        targets.target_kind,
        targets.target_text,
        targets.target_status,
        case
            when indicators.path_type = 'annual_rate' then targets.original_target_annual_rate
            else targets.original_target_value
        end as original_target_value,
        targets.target_amendment_no,
        indicators.path_type <> 'annual_rate'
        and (indicators.direction = 'decrease' or indicators.path_type = 'ceiling') as is_lower_better,
        final_years.status_code as final_year_status_code
    from indicators
    inner join targets
        on
            indicators.plan_id = targets.plan_id
            and indicators.indicator_code = targets.indicator_code
    left join final_years
        on
            indicators.plan_id = final_years.plan_id
            and indicators.indicator_code = final_years.indicator_code
    left join rates
        on
            indicators.plan_id = rates.plan_id
            and indicators.indicator_code = rates.indicator_code
),

judged as (
    select
        *,
        cast(
            case when is_lower_better then target_value - final_value else final_value - target_value end
            as {{ measure_type() }}
        ) as margin
    from framed
),

final as (
    select
        judged.*,
        case
            when judged.target_kind = 'qualitative' then 'qualitative'
            when judged.final_value is null then 'no_data'
            when judged.target_value is null then 'no_target'
            when judged.margin >= 0 then 'completed'
            else 'not_completed'
        end as completion_code
    from judged
)

select
    final.*,
    completion_codes.completion_zh,
    completion_codes.completion_en,
    completion_codes.completion_sort_order
from final
left join completion_codes
    on final.completion_code = completion_codes.completion_code
