{#-
    Each plan checked against itself: each indicator's published change recomputed from
    its baseline and target (relative % and percentage points), and each figure the prose
    states compared with the table. One row per check.
-#}
{%- set rounding_tolerance = 0.5 -%}
{%- set exact_tolerance = 0.005 -%}

with indicators as (
    select * from {{ ref('dim_indicator') }}
),

prose_figures as (
    select * from {{ ref('stg_methodology__prose_figures') }}
),

findings as (
    select * from {{ ref('stg_methodology__consistency_findings') }}
),

recomputed as (
    select
        *,
        {{ try_cast(
            "trim(replace(replace(replace(replace(published_change, '%', ''), '>', ''), '＞', ''), '≥', ''))",
            measure_type(),
        ) }} as stated_value,
        case when published_change like '>%' or published_change like '＞%' then 'more_than' end as stated_qualifier,
        cast(
            case
                when baseline_value <> 0 then (target_value / baseline_value - 1) * 100
            end as {{ measure_type() }}
        ) as recomputed_relative_change_pct,
        case when unit = '%' then target_value - baseline_value end as recomputed_change_pp
    from indicators
),

read_as as (
    select
        *,
        coalesce(abs(stated_value - recomputed_relative_change_pct) <= {{ rounding_tolerance }}, false)
            as matches_relative,
        coalesce(abs(stated_value - recomputed_change_pp) <= {{ rounding_tolerance }}, false)
            as matches_pp
    from recomputed
),

change_checks as (
    select
        plan_id,
        {{ dbt.concat(["'T-'", "indicator_code"]) }} as check_id,
        'published_change' as check_type,
        indicator_code,
        'change_percent' as figure,
        published_change as stated_text,
        stated_value,
        stated_qualifier,
        change_kind as declared_change_kind,
        case
            when stated_value is null or change_kind = 'annual_rate' then null
            when matches_relative and matches_pp then 'both'
            when matches_relative then 'relative_percent'
            when matches_pp then 'percentage_points'
            else 'neither'
        end as stated_reading,
        recomputed_relative_change_pct,
        recomputed_change_pp,
        case
            when matches_pp and not matches_relative then recomputed_change_pp
            else recomputed_relative_change_pct
        end as compared_value,
        true as is_same_measure,
        matches_pp and not matches_relative as is_percentage_points,
        source_line,
        cast(null as {{ dbt.type_string() }}) as note,
        case
            when target_status = 'pending_province' then 'target_pending'
            when change_kind = 'annual_rate' then 'annual_rate_target'
            when baseline_value is null then 'baseline_absent'
            when target_value is null then 'target_absent'
            when stated_value is null and baseline_value = 0 then 'change_undefined'
            when stated_value is null and baseline_value = target_value then 'no_change_printed'
            when stated_value is null then 'not_published'
            when matches_pp and not matches_relative then 'percentage_points'
            when
                not matches_relative
                and floor(recomputed_relative_change_pct) = stated_value
                then 'truncated'
            when not matches_relative then 'mismatch'
            when abs(stated_value - recomputed_relative_change_pct) < {{ exact_tolerance }} then 'consistent'
            else 'rounded'
        end as finding_code
    from read_as
),

prose_checks as (
    select
        prose_figures.plan_id,
        prose_figures.figure_id as check_id,
        'prose_figure' as check_type,
        prose_figures.indicator_code,
        prose_figures.figure,
        prose_figures.quote as stated_text,
        prose_figures.prose_value as stated_value,
        prose_figures.comparison as stated_qualifier,
        recomputed.change_kind as declared_change_kind,
        cast(null as {{ dbt.type_string() }}) as stated_reading,
        recomputed.recomputed_relative_change_pct,
        recomputed.recomputed_change_pp,
        case prose_figures.figure
            when 'baseline_value' then recomputed.baseline_value
            when 'target_value' then recomputed.target_value
            when 'change_percent' then recomputed.recomputed_relative_change_pct
        end as compared_value,
        prose_figures.is_same_measure,
        false as is_percentage_points,
        prose_figures.source_line,
        prose_figures.note
    from prose_figures
    inner join recomputed
        on
            prose_figures.plan_id = recomputed.plan_id
            and prose_figures.indicator_code = recomputed.indicator_code
),

prose_findings as (
    select
        plan_id,
        check_id,
        check_type,
        indicator_code,
        figure,
        stated_text,
        stated_value,
        stated_qualifier,
        declared_change_kind,
        stated_reading,
        recomputed_relative_change_pct,
        recomputed_change_pp,
        compared_value,
        is_same_measure,
        is_percentage_points,
        source_line,
        note,
        case
            when not is_same_measure then 'different_measure'
            when stated_qualifier = 'at_least' and compared_value >= stated_value then 'consistent'
            when stated_qualifier = 'reach' and compared_value = stated_value then 'consistent'
            else 'conflict'
        end as finding_code
    from prose_checks
),

checks as (
    select * from change_checks
    union all
    select * from prose_findings
),

final as (
    select
        checks.plan_id,
        checks.check_id,
        checks.check_type,
        checks.indicator_code,
        indicators.name_zh as indicator_name_zh,
        indicators.name_en as indicator_name_en,
        indicators.unit,
        indicators.baseline_value,
        indicators.target_value,
        indicators.baseline_status,
        indicators.target_status,
        checks.figure,
        checks.stated_text,
        checks.stated_value,
        checks.stated_qualifier,
        checks.declared_change_kind,
        checks.stated_reading,
        checks.recomputed_relative_change_pct,
        checks.recomputed_change_pp,
        checks.compared_value,
        checks.stated_value - checks.compared_value as difference,
        checks.is_same_measure,
        checks.is_percentage_points,
        indicators.target_status = 'pending_province' as is_target_pending,
        indicators.baseline_value is null as is_baseline_absent,
        checks.source_line,
        checks.finding_code,
        findings.finding_zh,
        findings.finding_en,
        findings.needs_attention,
        checks.note
    from checks
    inner join indicators
        on
            checks.plan_id = indicators.plan_id
            and checks.indicator_code = indicators.indicator_code
    left join findings
        on checks.finding_code = findings.finding_code
)

select * from final
