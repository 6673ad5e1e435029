{#-
    One row per plan indicator and plan year to assess (the spine of int_plan_observations_spined),
    with the target in force that year (int_indicator_targets_in_force) and the baseline: the
    plan's, else the value the region submitted for the plan's baseline year.
-#}
with spine as (
    select * from {{ ref('int_plan_observations_spined') }}
    where subject_type = 'indicator'
),

targets as (
    select * from {{ ref('int_indicator_targets_in_force') }}
),

joined as (
    select
        spine.subject_type,
        spine.subject_code,
        spine.plan_id,
        spine.region_code,
        spine.year,
        targets.baseline_year,
        targets.target_year,
        spine.actual_value,
        spine.source_value_id,
        spine.submission_id,
        spine.revision_count,
        spine.submitted_previous_year_value,
        targets.unit,
        targets.direction,
        targets.path_type,
        targets.is_binding,
        targets.published_baseline_value,
        spine.submitted_baseline_value,
        targets.target_value,
        targets.target_kind,
        targets.target_text,
        targets.target_status,
        targets.target_annual_rate,
        targets.annual_target_value,
        targets.original_target_value,
        targets.original_target_annual_rate,
        targets.target_amendment_no
    from spine
    inner join targets
        on
            spine.plan_id = targets.plan_id
            and spine.subject_code = targets.indicator_code
            and spine.year = targets.year
)

select
    subject_type,
    subject_code,
    plan_id,
    region_code,
    year,
    baseline_year,
    target_year,
    actual_value,
    source_value_id,
    submission_id,
    revision_count,
    submitted_previous_year_value,
    unit,
    direction,
    path_type,
    is_binding,
    coalesce(published_baseline_value, submitted_baseline_value) as baseline_value,
    case
        when published_baseline_value is not null then 'published'
        when submitted_baseline_value is not null then 'submitted'
        else 'absent'
    end as baseline_source,
    target_value,
    target_kind,
    target_text,
    target_status,
    target_annual_rate,
    annual_target_value,
    original_target_value,
    original_target_annual_rate,
    target_amendment_no
from joined
