with assessed as (
    select * from {{ ref('int_progress_statuses_assessed') }}
    where subject_type = 'sector'
),

outputs as (
    select * from {{ ref('int_sector_outputs_revisioned') }}
),

sectors as (
    select * from {{ ref('dim_sector') }}
),

status_codes as (
    select * from {{ ref('stg_methodology__status_codes') }}
),

final as (
    select
        assessed.subject_code as sector_code,
        sectors.name_zh as sector_name_zh,
        sectors.name_en as sector_name_en,
        sectors.sector_group,
        assessed.region_code,
        assessed.year,
        assessed.plan_id,
        assessed.actual_value is not null as has_data,
        outputs.output_value,
        outputs.enterprises,
        assessed.unit,
        assessed.source_value_id as sector_output_id,
        assessed.submission_id,
        assessed.revision_count,
        assessed.direction,
        assessed.path_type,
        assessed.baseline_year,
        assessed.baseline_value,
        assessed.baseline_source,
        assessed.target_year,
        assessed.target_value,
        sectors.output_target_comparison as target_comparison,
        sectors.output_target_quote as target_quote,
        assessed.target_status,
        sectors.enterprises_target_value,
        sectors.enterprises_target_2025,
        assessed.years_elapsed,
        assessed.time_share,
        assessed.path_formula,
        assessed.expected_value,
        assessed.planned_change,
        assessed.actual_change,
        assessed.share_of_planned_change_achieved,
        assessed.expected_share_of_planned_change,
        assessed.progress_gap_share,
        assessed.required_cagr_pct,
        assessed.actual_cagr_pct,
        assessed.previous_year_value,
        assessed.yoy_growth_pct,
        assessed.is_target_reached,
        assessed.on_track_tolerance_share,
        assessed.tolerance_value,
        assessed.status_code,
        status_codes.status_zh,
        status_codes.status_en,
        status_codes.status_sort_order
    from assessed
    inner join sectors
        on
            assessed.plan_id = sectors.plan_id
            and assessed.subject_code = sectors.sector_code
    left join outputs
        on assessed.source_value_id = outputs.sector_output_id
    left join status_codes
        on assessed.status_code = status_codes.status_code
)

select * from final
