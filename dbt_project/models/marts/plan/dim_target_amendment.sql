{#- Every dated change of a plan indicator's target, with the original target beside the amended one. -#}
with amendments as (
    select * from {{ ref('stg_plan__target_amendments') }}
),

indicators as (
    select * from {{ ref('stg_plan__indicators') }}
),

semantics as (
    select * from {{ ref('stg_plan__indicator_semantics') }}
),

final as (
    select
        amendments.plan_id,
        amendments.indicator_code,
        amendments.amendment_no,
        indicators.name_zh as indicator_name_zh,
        indicators.name_en as indicator_name_en,
        indicators.unit,
        amendments.effective_on,
        cast(extract(year from amendments.effective_on) as integer) as first_year_in_force,
        indicators.target_value as original_target_value,
        semantics.target_annual_rate as original_target_annual_rate,
        indicators.target_kind as original_target_kind,
        indicators.target_text as original_target_text,
        indicators.target_status as original_target_status,
        amendments.target_value,
        amendments.target_kind,
        amendments.target_text,
        amendments.target_status,
        amendments.document_no,
        amendments.issued_by_zh,
        amendments.issued_by_en,
        amendments.reason_zh,
        amendments.reason_en,
        amendments.note
    from amendments
    inner join indicators
        on
            amendments.plan_id = indicators.plan_id
            and amendments.indicator_code = indicators.indicator_code
    left join semantics
        on
            amendments.plan_id = semantics.plan_id
            and amendments.indicator_code = semantics.indicator_code
)

select * from final
