{#-
    One row per plan sector and plan year to assess (the spine of int_plan_observations_spined),
    shaped like the indicator observations: a sector's path runs from the output the region
    submitted for the plan's baseline year (the plan publishes none) to the output target the
    plan's text states for its end year, on a compound path, increasing.
-#}
with spine as (
    select * from {{ ref('int_plan_observations_spined') }}
    where subject_type = 'sector'
),

output_targets as (
    select * from {{ ref('stg_plan__sector_targets') }}
    where metric = 'output_value'
),

joined as (
    select
        spine.subject_type,
        spine.subject_code,
        spine.plan_id,
        spine.region_code,
        spine.year,
        spine.baseline_year,
        spine.end_year as target_year,
        cast(spine.actual_value as {{ measure_type() }}) as actual_value,
        spine.source_value_id,
        spine.submission_id,
        spine.revision_count,
        cast(spine.submitted_previous_year_value as {{ measure_type() }}) as submitted_previous_year_value,
        coalesce(output_targets.unit, '亿元') as unit,
        'increase' as direction,
        'compound' as path_type,
        false as is_binding,
        cast(spine.submitted_baseline_value as {{ measure_type() }}) as baseline_value,
        case
            when spine.submitted_baseline_value is not null then 'submitted'
            else 'absent'
        end as baseline_source,
        output_targets.target_value,
        'numeric' as target_kind,
        output_targets.quote as target_text,
        case when output_targets.target_value is not null then 'set' else 'not_set' end as target_status,
        cast(null as {{ measure_type() }}) as target_annual_rate,
        cast(null as {{ measure_type() }}) as annual_target_value,
        output_targets.target_value as original_target_value,
        cast(null as {{ measure_type() }}) as original_target_annual_rate,
        cast(null as integer) as target_amendment_no
    from spine
    left join output_targets
        on
            spine.plan_id = output_targets.plan_id
            and spine.subject_code = output_targets.sector_code
            and spine.end_year = output_targets.target_year
)

select * from joined
