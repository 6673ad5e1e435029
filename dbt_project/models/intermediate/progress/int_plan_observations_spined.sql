{#-
    The observation spine, defined once for indicators, commitments and sectors: one row per
    subject of a plan and plan year, up to the latest year any subject of that kind of the
    plan was reported for (a gap is a finding: no data), with the current value the plan's
    region submitted for it that year, the value it submitted for the calendar year before
    (whichever plan that year belongs to: the catalogue code continues across plans) and the
    value it submitted for the plan's baseline year. A value belongs to the plan of its region whose years cover it
    (int_region_years_planned); values of subjects outside the plan in force are not observed.
    Commitments are reported in the indicator-values dataset under their commitment code.
-#}
with indicators as (
    select * from {{ ref('stg_plan__indicators') }}
),

commitments as (
    select * from {{ ref('stg_plan__plan_commitments') }}
),

sectors as (
    select * from {{ ref('stg_plan__sectors') }}
),

indicator_values as (
    select * from {{ ref('int_indicator_values_revisioned') }}
    where is_current
),

sector_outputs as (
    select * from {{ ref('int_sector_outputs_revisioned') }}
    where is_current
),

plan_years as (
    select * from {{ ref('int_plan_years_listed') }}
),

subjects as (
    select
        'indicator' as subject_type,
        'indicator_values' as dataset,
        plan_id,
        indicator_code as subject_code
    from indicators
    union all
    select
        'commitment' as subject_type,
        'indicator_values' as dataset,
        plan_id,
        commitment_code as subject_code
    from commitments
    union all
    select
        'sector' as subject_type,
        'sector_output' as dataset,
        plan_id,
        sector_code as subject_code
    from sectors
),

observed_values as (
    select
        'indicator_values' as dataset,
        indicator_code as subject_code,
        region_code,
        year,
        value as actual_value,
        indicator_value_id as source_value_id,
        submission_id,
        revision_count
    from indicator_values
    union all
    select
        'sector_output' as dataset,
        sector_code as subject_code,
        region_code,
        year,
        output_value as actual_value,
        sector_output_id as source_value_id,
        submission_id,
        revision_count
    from sector_outputs
),

subject_years as (
    select
        subjects.subject_type,
        subjects.dataset,
        subjects.plan_id,
        subjects.subject_code,
        plan_years.region_code,
        plan_years.year,
        plan_years.is_plan_year,
        plan_years.is_baseline_year,
        plan_years.baseline_year,
        plan_years.end_year
    from subjects
    inner join plan_years
        on subjects.plan_id = plan_years.plan_id
),

matched as (
    select
        subject_years.*,
        observed_values.actual_value,
        observed_values.source_value_id,
        observed_values.submission_id,
        observed_values.revision_count
    from subject_years
    inner join observed_values
        on
            subject_years.dataset = observed_values.dataset
            and subject_years.subject_code = observed_values.subject_code
            and subject_years.region_code = observed_values.region_code
            and subject_years.year = observed_values.year
),

reporting_years as (
    select
        plan_id,
        subject_type,
        max(year) as latest_year
    from matched
    where is_plan_year
    group by plan_id, subject_type
),

spine as (
    select subject_years.*
    from subject_years
    inner join reporting_years
        on
            subject_years.plan_id = reporting_years.plan_id
            and subject_years.subject_type = reporting_years.subject_type
            and subject_years.year <= reporting_years.latest_year
    where subject_years.is_plan_year
),

submitted_baselines as (
    select
        subject_type,
        plan_id,
        subject_code,
        actual_value as submitted_baseline_value
    from matched
    where is_baseline_year
)

select
    spine.subject_type,
    spine.subject_code,
    spine.plan_id,
    spine.region_code,
    spine.year,
    spine.baseline_year,
    spine.end_year,
    observed.actual_value,
    observed.source_value_id,
    observed.submission_id,
    observed.revision_count,
    previous_year.actual_value as submitted_previous_year_value,
    submitted_baselines.submitted_baseline_value
from spine
left join matched as observed
    on
        spine.subject_type = observed.subject_type
        and spine.plan_id = observed.plan_id
        and spine.subject_code = observed.subject_code
        and spine.year = observed.year
left join observed_values as previous_year
    on
        spine.dataset = previous_year.dataset
        and spine.subject_code = previous_year.subject_code
        and spine.region_code = previous_year.region_code
        and spine.year - 1 = previous_year.year
left join submitted_baselines
    on
        spine.subject_type = submitted_baselines.subject_type
        and spine.plan_id = submitted_baselines.plan_id
        and spine.subject_code = submitted_baselines.subject_code
