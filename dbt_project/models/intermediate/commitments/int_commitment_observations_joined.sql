{#-
    One row per plan commitment and plan year to assess (the spine of
    int_plan_observations_spined), shaped like the indicator observations. The target level
    follows the comparison: at_least, reach and at_most the number itself; multiple,
    increase_by and decrease_by relative to the baseline (the commitment's own, else the
    value submitted for the plan's baseline year), so without a baseline they cannot be
    placed (target_status needs_baseline). Lower is better for at_most and decrease_by; the
    path is linear from the baseline year to the commitment's target year.
-#}
with spine as (
    select * from {{ ref('int_plan_observations_spined') }}
    where subject_type = 'commitment'
),

commitments as (
    select * from {{ ref('stg_plan__plan_commitments') }}
),

joined as (
    select
        spine.subject_type,
        spine.subject_code,
        spine.plan_id,
        spine.region_code,
        spine.year,
        coalesce(commitments.baseline_year, spine.baseline_year) as baseline_year,
        commitments.target_year,
        spine.actual_value,
        spine.source_value_id,
        spine.submission_id,
        spine.revision_count,
        spine.submitted_previous_year_value,
        commitments.unit,
        case when commitments.comparison in ('at_most', 'decrease_by') then 'decrease' else 'increase' end
            as direction,
        'linear' as path_type,
        false as is_binding,
        case
            when commitments.baseline_value is not null then commitments.baseline_value
            when commitments.baseline_year is null then spine.submitted_baseline_value
        end as baseline_value,
        case
            when commitments.baseline_value is not null then 'published'
            when commitments.baseline_year is null and spine.submitted_baseline_value is not null then 'submitted'
            else 'absent'
        end as baseline_source,
        commitments.comparison,
        commitments.target_value as stated_target_value,
        commitments.quote
    from spine
    inner join commitments
        on
            spine.plan_id = commitments.plan_id
            and spine.subject_code = commitments.commitment_code
),

levelled as (
    select
        *,
        case comparison
            when 'multiple' then baseline_value * stated_target_value
            when 'increase_by' then baseline_value + stated_target_value
            when 'decrease_by' then baseline_value - stated_target_value
            else stated_target_value
        end as target_level
    from joined
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
    baseline_value,
    baseline_source,
    cast(target_level as {{ measure_type() }}) as target_value,
    'numeric' as target_kind,
    quote as target_text,
    case when target_level is null then 'needs_baseline' else 'set' end as target_status,
    cast(null as {{ measure_type() }}) as target_annual_rate,
    cast(null as {{ measure_type() }}) as annual_target_value,
    cast(target_level as {{ measure_type() }}) as original_target_value,
    cast(null as {{ measure_type() }}) as original_target_annual_rate,
    cast(null as integer) as target_amendment_no
from levelled
