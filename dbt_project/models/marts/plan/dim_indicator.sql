with indicators as (
    select * from {{ ref('stg_plan__indicators') }}
),

semantics as (
    select * from {{ ref('stg_plan__indicator_semantics') }}
),

joined as (
    select
        indicators.indicator_code,
        indicators.indicator_seq,
        indicators.category_zh,
        indicators.category_en,
        indicators.name_zh,
        indicators.name_zh_published,
        indicators.name_en,
        indicators.unit,
        indicators.baseline_value,
        indicators.target_value,
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
        indicators.department_code,
        indicators.source_line
    from indicators
    left join semantics
        on indicators.indicator_code = semantics.indicator_code
)

select * from joined
