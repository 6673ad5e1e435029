{#- The plans' other quantitative commitments (beyond the headline indicators and sector targets), one row each. -#}
with commitments as (
    select * from {{ ref('stg_plan__plan_commitments') }}
),

plans as (
    select * from {{ ref('stg_plan__plans') }}
),

final as (
    select
        commitments.plan_id,
        commitments.commitment_code,
        plans.region_code,
        commitments.section_id,
        commitments.quote,
        commitments.source_line,
        commitments.subject_zh,
        commitments.subject_en,
        commitments.unit,
        commitments.target_value,
        commitments.target_year,
        commitments.comparison,
        commitments.baseline_value,
        commitments.baseline_year,
        commitments.department_code,
        commitments.is_department_assumed,
        commitments.note
    from commitments
    inner join plans
        on commitments.plan_id = plans.plan_id
)

select * from final
