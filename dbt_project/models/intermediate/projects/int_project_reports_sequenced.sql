{#-
    Current project reports in month order per project, with what the stalled and
    over-budget flags need: the last month investment grew and the first reported total.
-#}
with reports as (
    select * from {{ ref('int_project_reports_revisioned') }}
    where is_current
),

with_previous as (
    select
        *,
        lag(cumulative_investment) over (
            partition by region_code, project_code order by report_month
        ) as previous_cumulative_investment,
        first_value(total_investment) over (
            partition by region_code, project_code
            order by report_month
            rows between unbounded preceding and current row
        ) as first_total_investment
    from reports
),

investment_months as (
    select
        *,
        case
            when
                period_investment > 0
                or cumulative_investment > previous_cumulative_investment
                or (previous_cumulative_investment is null and cumulative_investment > 0)
                then report_month
        end as investment_month
    from with_previous
),

sequenced as (
    select
        *,
        max(investment_month) over (
            partition by region_code, project_code
            order by report_month
            rows between unbounded preceding and current row
        ) as last_investment_month
    from investment_months
)

select * from sequenced
