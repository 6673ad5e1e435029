{#- Per region, department, dataset and reporting period: items expected, files received, items accepted, overdue. -#}
with periods as (
    select * from {{ ref('int_reporting_periods_listed') }}
),

items as (
    select * from {{ ref('rpt_submission_completeness_item') }}
),

files as (
    select * from {{ ref('int_submission_files_attributed') }}
),

item_counts as (
    select
        region_code,
        department_code,
        dataset,
        period_start,
        cast(count(*) as integer) as expected_items,
        cast(sum(case when is_accepted then 1 else 0 end) as integer) as accepted_items,
        cast(sum(case when is_accepted and is_late then 1 else 0 end) as integer) as late_items,
        max(submitted_at) as submitted_at
    from items
    group by region_code, department_code, dataset, period_start
),

file_counts as (
    select
        region_code,
        department_code,
        dataset,
        period_start,
        cast(count(distinct submission_id) as integer) as files_received,
        cast(count(distinct case when status = 'accepted' then submission_id end) as integer) as files_accepted,
        cast(count(distinct case when status = 'rejected' then submission_id end) as integer) as files_rejected,
        cast(count(distinct case when status = 'duplicate' then submission_id end) as integer) as files_duplicate
    from files
    group by region_code, department_code, dataset, period_start
),

report_keys as (
    select
        region_code,
        department_code,
        dataset,
        period_start
    from item_counts
    union
    select
        region_code,
        department_code,
        dataset,
        period_start
    from file_counts
),

final as (
    select
        report_keys.region_code,
        report_keys.department_code,
        report_keys.dataset,
        periods.period_type,
        periods.period_label,
        report_keys.period_start,
        periods.period_end,
        periods.due_date,
        periods.as_of_date,
        periods.is_due,
        coalesce(item_counts.expected_items, 0) as expected_items,
        coalesce(file_counts.files_received, 0) as files_received,
        coalesce(file_counts.files_accepted, 0) as files_accepted,
        coalesce(file_counts.files_rejected, 0) as files_rejected,
        coalesce(file_counts.files_duplicate, 0) as files_duplicate,
        coalesce(item_counts.accepted_items, 0) as accepted_items,
        coalesce(item_counts.expected_items, 0) - coalesce(item_counts.accepted_items, 0) as missing_items,
        coalesce(item_counts.late_items, 0) as late_items,
        item_counts.submitted_at,
        coalesce(item_counts.late_items, 0) > 0
        or (
            periods.is_due and coalesce(item_counts.accepted_items, 0) < coalesce(item_counts.expected_items, 0)
        ) as is_late,
        cast(
            case
                when item_counts.expected_items > 0
                    then 1.0 * item_counts.accepted_items / item_counts.expected_items
            end as {{ measure_type() }}
        ) as completeness_share,
        periods.is_due
        and coalesce(item_counts.accepted_items, 0) < coalesce(item_counts.expected_items, 0) as is_overdue,
        case
            when periods.is_due and coalesce(item_counts.accepted_items, 0) < coalesce(item_counts.expected_items, 0)
                then {{ dbt.datediff('periods.due_date', 'periods.as_of_date', 'day') }}
        end as days_overdue
    from report_keys
    inner join periods
        on
            report_keys.region_code = periods.region_code
            and report_keys.dataset = periods.dataset
            and report_keys.period_start = periods.period_start
    left join item_counts
        on
            report_keys.region_code = item_counts.region_code
            and report_keys.department_code = item_counts.department_code
            and report_keys.dataset = item_counts.dataset
            and report_keys.period_start = item_counts.period_start
    left join file_counts
        on
            report_keys.region_code = file_counts.region_code
            and report_keys.department_code = file_counts.department_code
            and report_keys.dataset = file_counts.dataset
            and report_keys.period_start = file_counts.period_start
)

select * from final
