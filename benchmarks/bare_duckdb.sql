-- The bare DuckDB baseline of the scale benchmark: what the dbt project computes from the raw
-- layer, as one plain script written directly for DuckDB. It reads the raw schema and the seed
-- CSV files (__SEEDS__, the seeds folder of the dbt project copy) and writes schema bare.
-- It mirrors the models' rules (named in each step) so that the facts have the marts' rows.

set TimeZone = '__TIMEZONE__';

-- The marts promise no row order, so DuckDB need not keep one.
set preserve_insertion_order = false;

drop schema if exists bare cascade;

create schema bare;

-- Seeds: the plan reference data, read as text and cast as the dbt seeds and staging do.

create temp table plans as
select
    plan_id,
    region_code,
    cast(start_year as integer) as start_year,
    cast(end_year as integer) as end_year,
    cast(baseline_year as integer) as baseline_year
from read_csv(__SEEDS__ || '/plan/plans.csv', header = true, all_varchar = true);

create temp table regions as
select
    region_code,
    cast(is_default as boolean) as is_default
from read_csv(__SEEDS__ || '/plan/regions.csv', header = true, all_varchar = true);

create temp table indicators as
select
    i.plan_id,
    i.indicator_code,
    cast(i.seq as integer) as indicator_seq,
    i.name_zh,
    i.name_en,
    i.unit,
    cast(i.baseline_value as decimal(20, 6)) as baseline_value,
    cast(i.target_value as decimal(20, 6)) as target_value,
    i.target_kind,
    i.target_text,
    cast(i.is_binding as boolean) as is_binding,
    i.target_status,
    s.direction,
    s.path_type,
    cast(s.target_annual_rate as decimal(20, 6)) as target_annual_rate
from read_csv(__SEEDS__ || '/plan/indicators.csv', header = true, all_varchar = true) as i
left join read_csv(__SEEDS__ || '/plan/indicator_semantics.csv', header = true, all_varchar = true)
    as s
    on i.plan_id = s.plan_id and i.indicator_code = s.indicator_code;

create temp table amendments as
select
    plan_id,
    indicator_code,
    cast(amendment_no as integer) as amendment_no,
    cast(effective_on as date) as effective_on,
    cast(target_value as decimal(20, 6)) as target_value,
    target_kind,
    target_text,
    target_status
from read_csv(__SEEDS__ || '/plan/target_amendments.csv', header = true, all_varchar = true);

create temp table annual_targets as
select
    plan_id,
    indicator_code,
    cast(year as integer) as year,
    cast(target_value as decimal(20, 6)) as target_value
from read_csv(__SEEDS__ || '/plan/annual_targets.csv', header = true, all_varchar = true);

create temp table projects as
select
    p.plan_id,
    p.project_code,
    cast(p.box_no as integer) as box_no,
    p.name_zh,
    p.name_en
from read_csv(__SEEDS__ || '/plan/projects.csv', header = true, all_varchar = true) as p;

create temp table boxes as
select
    plan_id,
    cast(box_no as integer) as box_no,
    title_zh as box_title_zh,
    title_en as box_title_en,
    department_code
from read_csv(__SEEDS__ || '/plan/project_boxes.csv', header = true, all_varchar = true);

create temp table sectors as
select
    plan_id,
    sector_code,
    name_zh,
    name_en,
    sector_group
from read_csv(__SEEDS__ || '/plan/sectors.csv', header = true, all_varchar = true);

create temp table sector_targets as
select
    plan_id,
    sector_code,
    metric,
    cast(target_year as integer) as target_year,
    cast(target_value as decimal(20, 6)) as target_value,
    unit,
    quote
from read_csv(__SEEDS__ || '/plan/sector_targets.csv', header = true, all_varchar = true);

create temp table project_statuses as
select
    status_code,
    name_zh,
    name_en
from read_csv(__SEEDS__ || '/reference/project_statuses.csv', header = true, all_varchar = true);

create temp table status_codes as
select
    status_code,
    cast(sort_order as integer) as status_sort_order,
    name_zh as status_zh,
    name_en as status_en
from read_csv(__SEEDS__ || '/methodology/status_codes.csv', header = true, all_varchar = true);

-- int_status_thresholds_pivoted
create temp table thresholds as
pivot (
    select
        threshold_code,
        cast(threshold_value as decimal(20, 6)) as threshold_value
    from read_csv(
        __SEEDS__ || '/methodology/status_thresholds.csv', header = true, all_varchar = true
    )
) on threshold_code in (
    'on_track_tolerance_share',
    'annual_rate_tolerance_pp',
    'binding_tolerance_share',
    'project_stall_months'
) using max(threshold_value);

-- int_plan_years_listed and int_region_years_planned: every plan year, and the plan of a
-- region's year (the plan covering it, else the plan whose baseline year it is).
create temp table plan_years as
select
    plan_id,
    region_code,
    unnest(range(baseline_year, end_year + 1)) as year,
    start_year,
    end_year,
    baseline_year,
    end_year - baseline_year as plan_span
from plans;

create temp table region_years as
select
    region_code,
    year,
    plan_id
from plan_years
where
    year >= start_year
    or not exists (
        select 1 from plan_years as covering
        where
            covering.region_code = plan_years.region_code
            and covering.year = plan_years.year
            and covering.year >= covering.start_year
    );

-- int_submissions_withdrawn and int_submissions_located
create temp table withdrawn as
select distinct submission_id
from raw.steward_action
where action = 'withdraw';

create temp table located as
select
    s.submission_id,
    coalesce(
        cast(s.region_code as varchar),
        folder.region_code,
        (select region_code from regions where is_default)
    ) as region_code,
    coalesce(
        timezone('__TIMEZONE__', cast(s.submitted_on as timestamp)),
        timezone('__TIMEZONE__', cast(s.received_at as timestamp))
    ) as submitted_at
from raw.submission_log as s
left join regions as folder
    on split_part(s.file_path, '/', 1) = folder.region_code;

-- Project progress: staging casts, the region of the row or its file, withdrawn files left
-- out, the latest accepted report per region, project and month (int_project_reports_revisioned).
create temp table project_current as
select
    p.submission_id,
    p.department_code,
    p.sheet,
    cast(p.excel_row as integer) as excel_row,
    coalesce(cast(p.region_code as varchar), located.region_code) as region_code,
    p.project_code,
    cast(p.report_month as date) as report_month,
    p.status_code as project_status_code,
    cast(p.total_investment as decimal(18, 2)) as total_investment,
    cast(p.period_investment as decimal(18, 2)) as period_investment,
    cast(p.cumulative_investment as decimal(18, 2)) as cumulative_investment,
    cast(p.start_date as date) as start_date,
    cast(p.completion_date as date) as completion_date,
    p.note,
    cast(p.received_at as timestamp) as received_at,
    count(*) over revisions as revision_count
from raw.project_progress as p
left join located
    on p.submission_id = located.submission_id
anti join withdrawn
    on p.submission_id = withdrawn.submission_id
window revisions as (
    partition by coalesce(cast(p.region_code as varchar), located.region_code), p.project_code,
    cast(p.report_month as date)
)
qualify
    row_number() over (
        revisions order by cast(p.received_at as timestamp) desc, p.submission_id desc
    ) = 1;

-- fct_project_progress (through int_project_reports_sequenced): month order per project,
-- the last month investment grew, the first total, and the flags.
create table bare.fct_project_progress as
with previous as (
    select
        *,
        lag(cumulative_investment) over months as previous_cumulative_investment,
        first_value(total_investment) over months as first_total_investment,
        case
            when
                period_investment > 0
                or cumulative_investment > lag(cumulative_investment) over months
                or (lag(cumulative_investment) over months is null and cumulative_investment > 0)
                then report_month
        end as investment_month
    from project_current
    window months as (partition by region_code, project_code order by report_month)
),

invested as (
    select
        * exclude (investment_month),
        max(investment_month) over (
            partition by region_code, project_code order by report_month
            rows between unbounded preceding and current row
        ) as last_investment_month
    from previous
),

measured as (
    select
        invested.*,
        region_years.plan_id,
        cast(
            case when total_investment > 0 then cumulative_investment / total_investment end
            as decimal(20, 6)
        ) as completion_share,
        date_diff('month', cast(start_date as timestamp), cast(report_month as timestamp))
            as months_since_start,
        date_diff(
            'month', cast(last_investment_month as timestamp), cast(report_month as timestamp)
        ) as months_without_investment,
        cast(thresholds.project_stall_months as integer) as project_stall_months
    from invested
    cross join thresholds
    left join region_years
        on
            invested.region_code = region_years.region_code
            and year(invested.report_month) = region_years.year
)

select
    md5(
        m.submission_id || '|' || m.region_code || '|' || m.project_code || '|'
        || cast(m.report_month as varchar)
    ) as project_report_id,
    m.plan_id,
    m.project_code,
    projects.name_zh as project_name_zh,
    projects.name_en as project_name_en,
    projects.box_no,
    m.region_code,
    m.report_month,
    m.project_status_code,
    project_statuses.name_zh as project_status_zh,
    project_statuses.name_en as project_status_en,
    m.total_investment,
    m.period_investment,
    m.cumulative_investment,
    m.previous_cumulative_investment,
    m.first_total_investment,
    m.completion_share,
    m.start_date,
    m.completion_date,
    m.months_since_start,
    m.last_investment_month,
    m.months_without_investment,
    coalesce(
        m.project_status_code = 'suspended'
        or (
            m.project_status_code = 'under_construction'
            and m.months_without_investment >= m.project_stall_months
        ),
        false
    ) as is_stalled,
    coalesce(m.cumulative_investment > m.total_investment, false) as is_over_budget,
    coalesce(m.total_investment > m.first_total_investment, false) as is_total_revised_up,
    coalesce(m.cumulative_investment < m.previous_cumulative_investment, false)
        as is_cumulative_decreasing,
    m.revision_count as revision_no,
    m.revision_count,
    m.submission_id,
    m.department_code,
    m.sheet,
    m.excel_row,
    m.note,
    timezone('__TIMEZONE__', m.received_at) as received_at
from measured as m
left join projects
    on m.plan_id = projects.plan_id and m.project_code = projects.project_code
left join project_statuses
    on m.project_status_code = project_statuses.status_code;

-- rpt_project_box_summary: per plan and box, as of the plan's latest as-of year, its listed
-- projects by the status of their latest report of the plan.
create table bare.rpt_project_box_summary as
with latest_reports as (
    select
        plan_id,
        project_code,
        report_month,
        project_status_code,
        total_investment,
        cumulative_investment,
        is_stalled,
        is_over_budget
    from bare.fct_project_progress
    where plan_id is not null
    qualify row_number() over (partition by plan_id, project_code order by report_month desc) = 1
),

summarised as (
    select
        projects.plan_id,
        projects.box_no,
        count(*) as projects_listed,
        count(r.report_month) as projects_reporting,
        count(*) - count(r.report_month) as projects_not_reported,
        count(r.total_investment) as projects_with_total,
        count_if(r.project_status_code = 'planning') as projects_planning,
        count_if(r.project_status_code = 'not_started') as projects_not_started,
        count_if(r.project_status_code = 'under_construction') as projects_under_construction,
        count_if(r.project_status_code = 'completed') as projects_completed,
        count_if(r.project_status_code = 'suspended') as projects_suspended,
        count_if(r.is_stalled) as projects_stalled,
        count_if(r.is_over_budget) as projects_over_budget,
        cast(sum(r.total_investment) as decimal(18, 2)) as total_investment,
        cast(sum(r.cumulative_investment) as decimal(18, 2)) as cumulative_investment,
        max(r.report_month) as latest_report_month
    from projects
    left join latest_reports as r
        on projects.plan_id = r.plan_id and projects.project_code = r.project_code
    group by projects.plan_id, projects.box_no
)

select
    boxes.plan_id,
    boxes.box_no,
    boxes.box_title_zh,
    boxes.box_title_en,
    boxes.department_code,
    coalesce(s.projects_listed, 0) as projects_listed,
    coalesce(s.projects_reporting, 0) as projects_reporting,
    coalesce(s.projects_not_reported, 0) as projects_not_reported,
    coalesce(s.projects_with_total, 0) as projects_with_total,
    coalesce(s.projects_planning, 0) as projects_planning,
    coalesce(s.projects_not_started, 0) as projects_not_started,
    coalesce(s.projects_under_construction, 0) as projects_under_construction,
    coalesce(s.projects_completed, 0) as projects_completed,
    coalesce(s.projects_suspended, 0) as projects_suspended,
    coalesce(s.projects_stalled, 0) as projects_stalled,
    coalesce(s.projects_over_budget, 0) as projects_over_budget,
    s.total_investment,
    s.cumulative_investment,
    cast(
        case
            when s.projects_with_total = s.projects_listed and s.total_investment > 0
                then s.cumulative_investment / s.total_investment
        end as decimal(20, 6)
    ) as investment_completion_share,
    s.latest_report_month
from boxes
inner join plans
    on boxes.plan_id = plans.plan_id
left join summarised as s
    on boxes.plan_id = s.plan_id and boxes.box_no = s.box_no;

-- Indicator values and sector outputs: the row's region else the default one, withdrawn
-- files left out, the latest accepted per key (int_indicator_values_revisioned,
-- int_sector_outputs_revisioned); one table of current values for the observation spine.
create temp table observed as
with keyed as (
    select
        'indicator' as subject_type,
        v.submission_id,
        v.indicator_code as subject_code,
        coalesce(cast(v.region_code as varchar), d.region_code) as region_code,
        cast(v.year as integer) as year,
        cast(v.value as decimal(20, 6)) as actual_value,
        cast(null as integer) as enterprises,
        cast(v.received_at as timestamp) as received_at
    from raw.indicator_values as v
    left join (select region_code from regions where is_default) as d
        on true
    anti join withdrawn
        on v.submission_id = withdrawn.submission_id
    union all
    select
        'sector' as subject_type,
        o.submission_id,
        o.sector_code as subject_code,
        coalesce(cast(o.region_code as varchar), d.region_code) as region_code,
        cast(o.year as integer) as year,
        cast(o.output_value as decimal(18, 4)) as actual_value,
        cast(o.enterprises as integer) as enterprises,
        cast(o.received_at as timestamp) as received_at
    from raw.sector_output as o
    left join (select region_code from regions where is_default) as d
        on true
    anti join withdrawn
        on o.submission_id = withdrawn.submission_id
)

select
    subject_type,
    subject_code,
    region_code,
    year,
    actual_value,
    enterprises,
    md5(submission_id || '|' || subject_code || '|' || region_code || '|' || cast(year as varchar))
        as source_value_id,
    submission_id,
    count(*) over revisions as revision_count
from keyed
window revisions as (partition by subject_type, subject_code, region_code, year)
qualify row_number() over (revisions order by received_at desc, submission_id desc) = 1;

-- int_indicator_targets_in_force: the target of every plan indicator in each plan year.
create temp table targets as
with amended as (
    select
        pi.plan_id,
        pi.indicator_code,
        plan_years.year,
        a.amendment_no,
        a.target_value,
        a.target_kind,
        a.target_text,
        a.target_status
    from indicators as pi
    inner join plan_years
        on pi.plan_id = plan_years.plan_id
    inner join amendments as a
        on
            pi.plan_id = a.plan_id
            and pi.indicator_code = a.indicator_code
            and a.effective_on <= make_date(plan_years.year, 12, 31)
    qualify
        row_number() over (
            partition by pi.plan_id, pi.indicator_code, plan_years.year
            order by a.effective_on desc, a.amendment_no desc
        ) = 1
),

in_force as (
    select
        pi.*,
        plan_years.year,
        plan_years.region_code,
        plan_years.baseline_year,
        plan_years.start_year,
        plan_years.end_year,
        amended.amendment_no,
        coalesce(amended.target_kind, pi.target_kind) as kind_in_force,
        case when amended.amendment_no is not null then amended.target_value else pi.target_value end
            as value_in_force,
        coalesce(amended.target_text, pi.target_text) as text_in_force,
        coalesce(amended.target_status, pi.target_status) as status_in_force,
        annual_targets.target_value as annual_value
    from indicators as pi
    inner join plan_years
        on pi.plan_id = plan_years.plan_id
    left join amended
        on
            pi.plan_id = amended.plan_id
            and pi.indicator_code = amended.indicator_code
            and plan_years.year = amended.year
    left join annual_targets
        on
            pi.plan_id = annual_targets.plan_id
            and pi.indicator_code = annual_targets.indicator_code
            and plan_years.year = annual_targets.year
)

select
    plan_id,
    indicator_code,
    year,
    unit,
    is_binding,
    direction,
    path_type,
    baseline_value as published_baseline_value,
    case
        when kind_in_force = 'qualitative' or path_type = 'annual_rate' then null
        else value_in_force
    end as target_value,
    kind_in_force as target_kind,
    text_in_force as target_text,
    case when kind_in_force = 'qualitative' then 'qualitative' else status_in_force end
        as target_status,
    case
        when path_type = 'annual_rate' and kind_in_force <> 'qualitative'
            then
                coalesce(
                    annual_value,
                    case when amendment_no is not null then value_in_force end,
                    target_annual_rate
                )
    end as target_annual_rate,
    case when path_type <> 'annual_rate' and kind_in_force <> 'qualitative' then annual_value end
        as annual_target_value,
    target_value as original_target_value,
    target_annual_rate as original_target_annual_rate,
    amendment_no as target_amendment_no
from in_force;

-- int_plan_observations_spined with int_indicator_observations_joined and
-- int_sector_observations_joined: every subject of a plan and plan year up to the latest
-- year its kind was reported for, with the value of that year, of the year before and of
-- the baseline year, and its target and path.
create temp table observations as
with subjects as (
    select
        'indicator' as subject_type,
        plan_id,
        indicator_code as subject_code
    from indicators
    union all
    select
        'sector' as subject_type,
        plan_id,
        sector_code as subject_code
    from sectors
),

subject_years as (
    select
        subjects.*,
        plan_years.region_code,
        plan_years.year,
        plan_years.baseline_year,
        plan_years.start_year,
        plan_years.end_year
    from subjects
    inner join plan_years
        on subjects.plan_id = plan_years.plan_id
),

reporting_years as (
    select
        subject_years.plan_id,
        subject_years.subject_type,
        max(subject_years.year) as latest_year
    from subject_years
    inner join observed
        on
            subject_years.subject_type = observed.subject_type
            and subject_years.subject_code = observed.subject_code
            and subject_years.region_code = observed.region_code
            and subject_years.year = observed.year
    where subject_years.year >= subject_years.start_year
    group by subject_years.plan_id, subject_years.subject_type
),

spined as (
    select
        subject_years.*,
        observed.actual_value,
        observed.enterprises,
        observed.source_value_id,
        observed.submission_id,
        observed.revision_count,
        previous_year.actual_value as submitted_previous_year_value,
        baseline.actual_value as submitted_baseline_value
    from subject_years
    inner join reporting_years
        on
            subject_years.plan_id = reporting_years.plan_id
            and subject_years.subject_type = reporting_years.subject_type
            and subject_years.year <= reporting_years.latest_year
    left join observed
        on
            subject_years.subject_type = observed.subject_type
            and subject_years.subject_code = observed.subject_code
            and subject_years.region_code = observed.region_code
            and subject_years.year = observed.year
    left join observed as previous_year
        on
            subject_years.subject_type = previous_year.subject_type
            and subject_years.subject_code = previous_year.subject_code
            and subject_years.region_code = previous_year.region_code
            and subject_years.year - 1 = previous_year.year
    left join observed as baseline
        on
            subject_years.subject_type = baseline.subject_type
            and subject_years.subject_code = baseline.subject_code
            and subject_years.region_code = baseline.region_code
            and subject_years.baseline_year = baseline.year
    where subject_years.year >= subject_years.start_year
)

select
    s.subject_type,
    s.subject_code,
    s.plan_id,
    s.region_code,
    s.year,
    s.baseline_year,
    s.end_year as target_year,
    cast(s.actual_value as decimal(20, 6)) as actual_value,
    s.enterprises,
    s.source_value_id,
    s.submission_id,
    s.revision_count,
    cast(s.submitted_previous_year_value as decimal(20, 6)) as submitted_previous_year_value,
    t.unit,
    t.direction,
    t.path_type,
    t.is_binding,
    cast(coalesce(t.published_baseline_value, s.submitted_baseline_value) as decimal(20, 6))
        as baseline_value,
    case
        when t.published_baseline_value is not null then 'published'
        when s.submitted_baseline_value is not null then 'submitted'
        else 'absent'
    end as baseline_source,
    t.target_value,
    t.target_kind,
    t.target_text,
    t.target_status,
    t.target_annual_rate,
    t.annual_target_value,
    t.original_target_value,
    t.original_target_annual_rate,
    t.target_amendment_no
from spined as s
inner join targets as t
    on s.plan_id = t.plan_id and s.subject_code = t.indicator_code and s.year = t.year
where s.subject_type = 'indicator'
union all
select
    s.subject_type,
    s.subject_code,
    s.plan_id,
    s.region_code,
    s.year,
    s.baseline_year,
    s.end_year as target_year,
    cast(s.actual_value as decimal(20, 6)) as actual_value,
    s.enterprises,
    s.source_value_id,
    s.submission_id,
    s.revision_count,
    cast(s.submitted_previous_year_value as decimal(20, 6)) as submitted_previous_year_value,
    coalesce(st.unit, '亿元') as unit,
    'increase' as direction,
    'compound' as path_type,
    false as is_binding,
    cast(s.submitted_baseline_value as decimal(20, 6)) as baseline_value,
    case when s.submitted_baseline_value is not null then 'submitted' else 'absent' end
        as baseline_source,
    st.target_value,
    'numeric' as target_kind,
    st.quote as target_text,
    case when st.target_value is not null then 'set' else 'not_set' end as target_status,
    cast(null as decimal(20, 6)) as target_annual_rate,
    cast(null as decimal(20, 6)) as annual_target_value,
    st.target_value as original_target_value,
    cast(null as decimal(20, 6)) as original_target_annual_rate,
    cast(null as integer) as target_amendment_no
from spined as s
left join sector_targets as st
    on
        s.plan_id = st.plan_id
        and s.subject_code = st.sector_code
        and s.end_year = st.target_year
        and st.metric = 'output_value'
where s.subject_type = 'sector';

-- int_progress_statuses_assessed: the path, the shares of the planned change, growth rates
-- and the status; each step reads the rounded (decimal) columns of the step before.
create temp table assessed as
with framed as (
    select
        o.*,
        o.target_year - o.baseline_year as path_span,
        o.year - o.baseline_year as years_elapsed,
        cast(
            (o.year - o.baseline_year) / ((o.target_year - o.baseline_year) * 1.0)
            as decimal(20, 6)
        ) as time_share,
        case
            when o.path_type = 'annual_rate' then null
            when o.annual_target_value is not null then 'annual_target'
            when o.target_value is null then null
            when o.baseline_value is null
                then case when o.path_type in ('floor', 'ceiling') then 'flat_target' end
            when o.baseline_value = o.target_value then 'flat'
            when o.path_type in ('floor', 'ceiling') then 'linear'
            when o.path_type = 'compound' and o.baseline_value > 0 and o.target_value > 0
                then 'compound'
            else 'linear'
        end as path_formula,
        th.on_track_tolerance_share,
        th.annual_rate_tolerance_pp,
        th.binding_tolerance_share,
        coalesce(
            o.submitted_previous_year_value,
            case when o.year - 1 = o.baseline_year then o.baseline_value end
        ) as previous_year_value
    from observations as o
    cross join thresholds as th
),

expected as (
    select
        *,
        cast(
            case path_formula
                when 'compound'
                    then
                        baseline_value
                        * power(target_value / baseline_value, years_elapsed / (path_span * 1.0))
                when 'linear'
                    then
                        baseline_value
                        + (target_value - baseline_value) * years_elapsed / (path_span * 1.0)
                when 'flat' then baseline_value
                when 'flat_target' then target_value
                when 'annual_target' then annual_target_value
            end as decimal(20, 6)
        ) as expected_value,
        target_value - baseline_value as planned_change,
        actual_value - baseline_value as actual_change,
        cast(
            case
                when path_type <> 'annual_rate' and baseline_value > 0 and target_value > 0
                    then (power(target_value / baseline_value, 1.0 / path_span) - 1) * 100
            end as decimal(20, 6)
        ) as required_cagr_pct,
        cast(
            case
                when
                    path_type <> 'annual_rate'
                    and baseline_value > 0
                    and actual_value > 0
                    and years_elapsed > 0
                    then (power(actual_value / baseline_value, 1.0 / years_elapsed) - 1) * 100
            end as decimal(20, 6)
        ) as actual_cagr_pct,
        case
            when path_type <> 'annual_rate' and actual_value is not null and target_value is not null
                then
                    case
                        when direction = 'decrease' then actual_value <= target_value
                        else actual_value >= target_value
                    end
        end as is_target_reached,
        cast(
            case
                when
                    coalesce(unit, '') <> '%'
                    and path_type <> 'annual_rate'
                    and previous_year_value <> 0
                    then (actual_value / previous_year_value - 1) * 100
            end as decimal(20, 6)
        ) as yoy_growth_pct
    from framed
),

shares as (
    select
        *,
        cast(case when planned_change <> 0 then actual_change / planned_change end as decimal(20, 6))
            as share_of_planned_change_achieved,
        cast(
            case when planned_change <> 0 then (expected_value - baseline_value) / planned_change end
            as decimal(20, 6)
        ) as expected_share_of_planned_change,
        case
            when path_type = 'floor' then actual_value - expected_value
            when path_type = 'ceiling' then expected_value - actual_value
        end as constraint_margin,
        cast(
            case
                when path_type in ('floor', 'ceiling')
                    then binding_tolerance_share * abs(coalesce(planned_change, 0))
                when path_type = 'annual_rate' then annual_rate_tolerance_pp
                else on_track_tolerance_share * abs(planned_change)
            end as decimal(20, 6)
        ) as tolerance_value,
        case when path_type = 'annual_rate' then actual_value - target_annual_rate end
            as annual_rate_gap_pp
    from expected
),

gaps as (
    select
        *,
        share_of_planned_change_achieved - expected_share_of_planned_change as progress_gap_share
    from shares
)

select
    *,
    case
        when actual_value is null then 'no_data'
        when target_kind = 'qualitative' then 'qualitative'
        when path_type = 'annual_rate'
            then
                case
                    when target_annual_rate is null then 'no_target'
                    when is_binding and annual_rate_gap_pp >= 0 then 'constraint_met'
                    when is_binding then 'constraint_violated'
                    when annual_rate_gap_pp > annual_rate_tolerance_pp then 'ahead'
                    when annual_rate_gap_pp >= -annual_rate_tolerance_pp then 'on_track'
                    else 'lagging'
                end
        when target_value is null and target_status = 'needs_baseline' then 'no_baseline'
        when target_value is null then 'no_target'
        when path_type in ('floor', 'ceiling')
            then
                case
                    when constraint_margin >= -tolerance_value then 'constraint_met'
                    else 'constraint_violated'
                end
        when
            year < target_year
            and is_target_reached
            and (baseline_value is null or baseline_value <> target_value)
            then 'achieved_early'
        when baseline_value is null then 'no_baseline'
        when planned_change = 0 then case when is_target_reached then 'on_track' else 'lagging' end
        when progress_gap_share > on_track_tolerance_share then 'ahead'
        when progress_gap_share >= -on_track_tolerance_share then 'on_track'
        else 'lagging'
    end as status_code
from gaps;

-- fct_indicator_progress (without the outlook and early-warning columns)
create table bare.fct_indicator_progress as
select
    a.subject_code as indicator_code,
    i.indicator_seq,
    i.name_zh as indicator_name_zh,
    i.name_en as indicator_name_en,
    a.unit,
    a.region_code,
    a.year,
    a.plan_id,
    a.actual_value is not null as has_data,
    a.actual_value,
    a.source_value_id as indicator_value_id,
    a.submission_id,
    a.revision_count,
    a.direction,
    a.path_type,
    a.is_binding,
    a.baseline_year,
    a.baseline_value,
    a.baseline_source,
    a.target_year,
    a.target_value,
    a.target_kind,
    a.target_status,
    a.target_annual_rate,
    a.years_elapsed,
    a.time_share,
    a.path_formula,
    a.expected_value,
    a.planned_change,
    a.actual_change,
    a.share_of_planned_change_achieved,
    a.expected_share_of_planned_change,
    a.progress_gap_share,
    a.required_cagr_pct,
    a.actual_cagr_pct,
    a.previous_year_value,
    a.yoy_growth_pct,
    a.annual_rate_gap_pp,
    a.constraint_margin,
    a.is_target_reached,
    a.tolerance_value,
    a.status_code,
    sc.status_zh,
    sc.status_en,
    sc.status_sort_order
from assessed as a
inner join indicators as i
    on a.plan_id = i.plan_id and a.subject_code = i.indicator_code
left join status_codes as sc
    on a.status_code = sc.status_code
where a.subject_type = 'indicator';

-- fct_sector_output
create table bare.fct_sector_output as
select
    a.subject_code as sector_code,
    sectors.name_zh as sector_name_zh,
    sectors.name_en as sector_name_en,
    sectors.sector_group,
    a.region_code,
    a.year,
    a.plan_id,
    a.actual_value is not null as has_data,
    a.actual_value as output_value,
    a.enterprises,
    a.unit,
    a.source_value_id as sector_output_id,
    a.submission_id,
    a.revision_count,
    a.baseline_year,
    a.baseline_value,
    a.baseline_source,
    a.target_year,
    a.target_value,
    a.target_status,
    a.path_formula,
    a.expected_value,
    a.share_of_planned_change_achieved,
    a.progress_gap_share,
    a.required_cagr_pct,
    a.actual_cagr_pct,
    a.yoy_growth_pct,
    a.is_target_reached,
    a.status_code,
    sc.status_zh,
    sc.status_en
from assessed as a
inner join sectors
    on a.plan_id = sectors.plan_id and a.subject_code = sectors.sector_code
left join status_codes as sc
    on a.status_code = sc.status_code
where a.subject_type = 'sector';

-- rpt_plan_scorecard: per plan indicator, the status of its latest year with data.
create table bare.rpt_plan_scorecard as
with latest as (
    select
        *,
        count(*) over (partition by plan_id, indicator_code, region_code) as years_with_data
    from bare.fct_indicator_progress
    where has_data
    qualify
        row_number() over (partition by plan_id, indicator_code, region_code order by year desc)
        = 1
)

select
    i.plan_id,
    i.indicator_code,
    plans.region_code,
    i.indicator_seq,
    i.name_zh as indicator_name_zh,
    i.name_en as indicator_name_en,
    i.unit,
    i.is_binding,
    i.direction,
    i.path_type,
    latest.baseline_value,
    latest.target_value,
    latest.year as latest_year,
    latest.actual_value as latest_value,
    latest.expected_value,
    latest.share_of_planned_change_achieved,
    latest.progress_gap_share,
    latest.required_cagr_pct,
    latest.actual_cagr_pct,
    latest.is_target_reached,
    coalesce(latest.years_with_data, 0) as years_with_data,
    coalesce(latest.status_code, 'no_data') as status_code
from indicators as i
inner join plans
    on i.plan_id = plans.plan_id
left join latest
    on
        i.plan_id = latest.plan_id
        and i.indicator_code = latest.indicator_code
        and plans.region_code = latest.region_code;

-- int_submission_items_accepted: per region, dataset, period and item, its accepted rows and
-- when it was first submitted (every accepted revision counts, withdrawn files do not).
create table bare.submission_items_accepted as
with items as (
    select
        coalesce(cast(v.region_code as varchar), d.region_code) as region_code,
        'indicator_values' as dataset,
        make_date(cast(v.year as integer), 1, 1) as period_start,
        v.indicator_code as item_code,
        v.submission_id,
        v.received_at
    from raw.indicator_values as v
    left join (select region_code from regions where is_default) as d
        on true
    union all
    select
        coalesce(cast(o.region_code as varchar), d.region_code) as region_code,
        'sector_output' as dataset,
        make_date(cast(o.year as integer), 1, 1) as period_start,
        o.sector_code as item_code,
        o.submission_id,
        o.received_at
    from raw.sector_output as o
    left join (select region_code from regions where is_default) as d
        on true
    union all
    select
        coalesce(cast(p.region_code as varchar), located.region_code) as region_code,
        'project_progress' as dataset,
        cast(date_trunc('quarter', cast(p.report_month as date)) as date) as period_start,
        p.project_code as item_code,
        p.submission_id,
        p.received_at
    from raw.project_progress as p
    left join located
        on p.submission_id = located.submission_id
)

select
    items.region_code,
    items.dataset,
    items.period_start,
    items.item_code,
    timezone('__TIMEZONE__', min(cast(items.received_at as timestamp))) as first_accepted_at,
    min(located.submitted_at) as first_submitted_at,
    count(*) as accepted_rows
from items
inner join located
    on items.submission_id = located.submission_id
anti join withdrawn
    on items.submission_id = withdrawn.submission_id
group by items.region_code, items.dataset, items.period_start, items.item_code;

-- A submission summary per region, dataset and period (rpt_submission_completeness without
-- the expected items, due dates and file attribution).
create table bare.rpt_submission_summary as
select
    region_code,
    dataset,
    period_start,
    count(*) as accepted_items,
    sum(accepted_rows) as accepted_rows,
    max(first_submitted_at) as submitted_at
from bare.submission_items_accepted
group by region_code, dataset, period_start;
