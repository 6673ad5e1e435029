{#-
    Each expected item of a department and period: due date, when submitted and received,
    whether late. The one definition of late that rpt_submission_completeness counts.
-#}
with periods as (
    select * from {{ ref('int_reporting_periods_listed') }}
),

expected as (
    select * from {{ ref('int_submission_items_expected') }}
),

accepted as (
    select * from {{ ref('int_submission_items_accepted') }}
),

items as (
    select
        expected.region_code,
        expected.department_code,
        expected.dataset,
        periods.period_label,
        expected.period_start,
        expected.item_code,
        periods.due_date,
        accepted.first_submitted_at as submitted_at,
        accepted.first_accepted_at as received_at,
        accepted.item_code is not null as is_accepted,
        periods.as_of_date
    from expected
    inner join periods
        on
            expected.region_code = periods.region_code
            and expected.dataset = periods.dataset
            and expected.period_start = periods.period_start
    left join accepted
        on
            expected.region_code = accepted.region_code
            and expected.dataset = accepted.dataset
            and expected.period_start = accepted.period_start
            and expected.item_code = accepted.item_code
),

final as (
    select
        region_code,
        department_code,
        dataset,
        period_label,
        period_start,
        item_code,
        due_date,
        submitted_at,
        received_at,
        is_accepted,
        coalesce(cast(submitted_at as date), as_of_date) > due_date as is_late,
        case
            when coalesce(cast(submitted_at as date), as_of_date) > due_date
                then {{ dbt.datediff('due_date', 'coalesce(cast(submitted_at as date), as_of_date)', 'day') }}
        end as days_late,
        as_of_date
    from items
)

select * from final
