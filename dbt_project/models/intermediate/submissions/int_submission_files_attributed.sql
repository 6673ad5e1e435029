{#-
    Each submitted file against the reporting periods it counts for, per region: an accepted
    file for every region and period its rows report on. A rejected or duplicate file, whose
    rows are not loaded, counts for the regions and periods its readable rows state
    (stg_raw__submission_periods; a duplicate's are its original's); a file whose rows state
    none (its header was not read, or it arrived before intake kept them) counts for its
    region (int_submissions_located) and the period due next when it was submitted (its
    报送日期, else its arrival), the last one if it came after every due date. Files of an
    unrecognised dataset belong to no period, and withdrawn files to none.
-#}
with located as (
    select * from {{ ref('int_submissions_located') }}
),

withdrawn as (
    select * from {{ ref('int_submissions_withdrawn') }}
),

submissions as (
    select located.*
    from located
    left join withdrawn
        on located.submission_id = withdrawn.submission_id
    where withdrawn.submission_id is null
),

periods as (
    select * from {{ ref('int_reporting_periods_listed') }}
),

indicator_values as (
    select * from {{ ref('int_indicator_values_revisioned') }}
),

sector_outputs as (
    select * from {{ ref('int_sector_outputs_revisioned') }}
),

project_reports as (
    select * from {{ ref('int_project_reports_revisioned') }}
),

stated_periods as (
    select * from {{ ref('stg_raw__submission_periods') }}
),

accepted_periods as (
    select distinct
        submission_id,
        region_code,
        cast({{ dbt.concat(["cast(year as " ~ dbt.type_string() ~ ")", "'-01-01'"]) }} as date) as period_start
    from indicator_values
    union
    select distinct
        submission_id,
        region_code,
        cast({{ dbt.concat(["cast(year as " ~ dbt.type_string() ~ ")", "'-01-01'"]) }} as date) as period_start
    from sector_outputs
    union
    select distinct
        submission_id,
        region_code,
        cast({{ dbt.date_trunc('quarter', 'report_month') }} as date) as period_start
    from project_reports
),

accepted_files as (
    select
        submissions.submission_id,
        accepted_periods.region_code,
        submissions.department_code,
        submissions.dataset,
        submissions.status,
        accepted_periods.period_start
    from submissions
    inner join accepted_periods
        on submissions.submission_id = accepted_periods.submission_id
    where submissions.status = 'accepted'
),

unloaded_files as (
    select * from submissions
    where status <> 'accepted' and dataset is not null
),

unloaded_stated as (
    select distinct
        unloaded_files.submission_id,
        periods.region_code,
        unloaded_files.department_code,
        unloaded_files.dataset,
        unloaded_files.status,
        periods.period_start
    from unloaded_files
    inner join stated_periods
        on coalesce(unloaded_files.duplicate_of, unloaded_files.submission_id) = stated_periods.submission_id
    inner join periods
        on
            stated_periods.region_code = periods.region_code
            and unloaded_files.dataset = periods.dataset
            and stated_periods.period_date between periods.period_start and periods.period_end
),

stated_files as (
    select distinct submission_id from unloaded_stated
),

undated_files as (
    select unloaded_files.*
    from unloaded_files
    left join stated_files
        on unloaded_files.submission_id = stated_files.submission_id
    where stated_files.submission_id is null
),

due_dates as (
    select
        undated_files.submission_id,
        min(
            case when periods.due_date >= cast(undated_files.submitted_at as date) then periods.due_date end
        ) as next_due_date,
        max(periods.due_date) as last_due_date
    from undated_files
    inner join periods
        on
            undated_files.region_code = periods.region_code
            and undated_files.dataset = periods.dataset
    group by undated_files.submission_id
),

undated_attributed as (
    select
        undated_files.submission_id,
        undated_files.region_code,
        undated_files.department_code,
        undated_files.dataset,
        undated_files.status,
        periods.period_start
    from undated_files
    inner join due_dates
        on undated_files.submission_id = due_dates.submission_id
    inner join periods
        on
            undated_files.region_code = periods.region_code
            and undated_files.dataset = periods.dataset
            and coalesce(due_dates.next_due_date, due_dates.last_due_date) = periods.due_date
)

select * from accepted_files
union all
select * from unloaded_stated
union all
select * from undated_attributed
