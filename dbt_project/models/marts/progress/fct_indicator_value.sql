{#-
    Every accepted revision of every indicator value, with the plan its region and year
    belong to (null where no plan of the region spans the year). Values submitted under a
    commitment code of that plan are the plan's commitments (fct_commitment_progress), not
    indicator values.
-#}
with indicator_values as (
    select * from {{ ref('int_indicator_values_revisioned') }}
),

region_years as (
    select * from {{ ref('int_region_years_planned') }}
),

commitments as (
    select * from {{ ref('stg_plan__plan_commitments') }}
),

catalogue as (
    select * from {{ ref('stg_plan__indicator_catalogue') }}
),

final as (
    select
        indicator_values.indicator_value_id,
        indicator_values.indicator_code,
        catalogue.name_zh as indicator_name_zh,
        catalogue.name_en as indicator_name_en,
        indicator_values.region_code,
        indicator_values.year,
        region_years.plan_id,
        indicator_values.value,
        indicator_values.unit,
        indicator_values.revision_no,
        indicator_values.revision_count,
        indicator_values.is_current,
        indicator_values.previous_revision_value,
        indicator_values.superseded_by_submission_id,
        indicator_values.submission_id,
        indicator_values.department_code,
        indicator_values.sheet,
        indicator_values.excel_row,
        indicator_values.note,
        indicator_values.received_at
    from indicator_values
    left join region_years
        on
            indicator_values.region_code = region_years.region_code
            and indicator_values.year = region_years.year
    left join commitments
        on
            region_years.plan_id = commitments.plan_id
            and indicator_values.indicator_code = commitments.commitment_code
    left join catalogue
        on indicator_values.indicator_code = catalogue.indicator_code
    where commitments.commitment_code is null
)

select * from final
