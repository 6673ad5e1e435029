{#-
    Progress on each plan commitment (dim_plan_commitment), assessed like an indicator: per
    commitment and plan year up to the latest year any commitment of the plan was reported
    for, the reported value against the commitment's target level, its comparison and the
    status (docs/methodology.md). Departments report commitments in the indicator-values
    dataset under the commitment code.
-#}
with assessed as (
    select * from {{ ref('int_progress_statuses_assessed') }}
    where subject_type = 'commitment'
),

commitments as (
    select * from {{ ref('stg_plan__plan_commitments') }}
),

status_codes as (
    select * from {{ ref('stg_methodology__status_codes') }}
),

final as (
    select
        assessed.plan_id,
        assessed.subject_code as commitment_code,
        assessed.year,
        assessed.region_code,
        commitments.subject_zh,
        commitments.subject_en,
        commitments.quote,
        commitments.unit,
        commitments.comparison,
        commitments.target_value as stated_target_value,
        assessed.actual_value is not null as has_data,
        assessed.actual_value,
        assessed.source_value_id as indicator_value_id,
        assessed.submission_id,
        assessed.revision_count,
        assessed.direction,
        assessed.baseline_year,
        assessed.baseline_value,
        assessed.baseline_source,
        assessed.target_year,
        assessed.target_value,
        assessed.target_status,
        assessed.path_formula,
        assessed.expected_value,
        assessed.share_of_planned_change_achieved,
        assessed.expected_share_of_planned_change,
        assessed.progress_gap_share,
        assessed.is_target_reached,
        assessed.on_track_tolerance_share,
        assessed.status_code,
        status_codes.status_zh,
        status_codes.status_en,
        status_codes.status_sort_order,
        commitments.department_code
    from assessed
    inner join commitments
        on
            assessed.plan_id = commitments.plan_id
            and assessed.subject_code = commitments.commitment_code
    left join status_codes
        on assessed.status_code = status_codes.status_code
)

select * from final
