{#- The headline indicators of every plan: one row per plan and indicator with the plan's baseline, target and years. -#}
with indicators as (
    select * from {{ ref('stg_plan__indicators') }}
),

semantics as (
    select * from {{ ref('stg_plan__indicator_semantics') }}
),

plans as (
    select * from {{ ref('stg_plan__plans') }}
),

catalogue as (
    select * from {{ ref('stg_plan__indicator_catalogue') }}
),

joined as (
    select
        indicators.plan_id,
        indicators.indicator_code,
        plans.region_code,
        indicators.indicator_seq,
        indicators.category_zh,
        indicators.category_en,
        indicators.name_zh,
        indicators.name_zh_published,
        indicators.name_en,
        indicators.unit,
        plans.baseline_year,
        indicators.baseline_value,
        plans.end_year as target_year,
        indicators.target_value,
        indicators.target_kind,
        indicators.target_text,
        indicators.published_change,
        indicators.attribute_zh,
        indicators.attribute_en,
        indicators.is_binding,
        indicators.baseline_status,
        indicators.target_status,
        semantics.direction,
        semantics.path_type,
        semantics.change_kind,
        semantics.target_annual_rate,
        semantics.semantics_rationale,
        catalogue.aggregation,
        indicators.department_code,
        indicators.source_line
    from indicators
    inner join plans
        on indicators.plan_id = plans.plan_id
    left join semantics
        on
            indicators.plan_id = semantics.plan_id
            and indicators.indicator_code = semantics.indicator_code
    left join catalogue
        on indicators.indicator_code = catalogue.indicator_code
)

select * from joined
