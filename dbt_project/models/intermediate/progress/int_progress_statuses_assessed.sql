{#-
    The progress methodology (docs/methodology.md) applied to every indicator, commitment and
    sector observation: expected value on the path, share of the planned change achieved,
    required and actual compound annual growth, year-on-year growth (同比) and the status.
    Baseline year, target year and so the span of the path come with each observation (from
    its plan, or a commitment's own years). Each step reads the rounded columns of the step before, so a status can be
    re-derived from the columns.
-#}
{%- set observation_relations = ['indicator_observations', 'commitment_observations', 'sector_observations'] -%}

with indicator_observations as (
    select * from {{ ref('int_indicator_observations_joined') }}
),

commitment_observations as (
    select * from {{ ref('int_commitment_observations_joined') }}
),

sector_observations as (
    select * from {{ ref('int_sector_observations_joined') }}
),

thresholds as (
    select * from {{ ref('int_status_thresholds_pivoted') }}
),

observations as (
    {%- for relation in observation_relations %}
        select
            subject_type,
            subject_code,
            plan_id,
            region_code,
            year,
            baseline_year,
            target_year,
            cast(actual_value as {{ measure_type() }}) as actual_value,
            source_value_id,
            submission_id,
            revision_count,
            cast(submitted_previous_year_value as {{ measure_type() }}) as submitted_previous_year_value,
            unit,
            direction,
            path_type,
            is_binding,
            cast(baseline_value as {{ measure_type() }}) as baseline_value,
            baseline_source,
            cast(target_value as {{ measure_type() }}) as target_value,
            target_kind,
            target_text,
            target_status,
            cast(target_annual_rate as {{ measure_type() }}) as target_annual_rate,
            cast(annual_target_value as {{ measure_type() }}) as annual_target_value,
            cast(original_target_value as {{ measure_type() }}) as original_target_value,
            cast(original_target_annual_rate as {{ measure_type() }}) as original_target_annual_rate,
            target_amendment_no
        from {{ relation }}
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
),

framed as (
    select
        observations.*,
        observations.target_year - observations.baseline_year as path_span,
        observations.year - observations.baseline_year as years_elapsed,
        cast(
            (observations.year - observations.baseline_year)
            / ((observations.target_year - observations.baseline_year) * 1.0) as {{ measure_type() }}
        ) as time_share,
        {{ path_formula(
            'observations.path_type', 'observations.baseline_value', 'observations.target_value',
            'observations.annual_target_value',
        ) }} as path_formula,
        thresholds.on_track_tolerance_share,
        thresholds.annual_rate_tolerance_pp,
        thresholds.binding_tolerance_share
    from observations
    cross join thresholds
),

previous_years as (
    select
        *,
        {#- The value submitted for the year before, else the baseline when that year is the baseline year. #}
        coalesce(
            submitted_previous_year_value,
            case when year - 1 = baseline_year then baseline_value end
        ) as previous_year_value
    from framed
),

expected as (
    select
        *,
        {{ path_value(
            'path_formula', 'baseline_value', 'target_value', 'years_elapsed', 'path_span', 'annual_target_value',
        ) }} as expected_value,
        target_value - baseline_value as planned_change,
        actual_value - baseline_value as actual_change,
        cast(
            case
                when
                    path_type <> 'annual_rate'
                    and baseline_value > 0
                    and target_value > 0
                    then (power(target_value / baseline_value, 1.0 / path_span) - 1) * 100
            end as {{ measure_type() }}
        ) as required_cagr_pct,
        cast(
            case
                when
                    path_type <> 'annual_rate'
                    and baseline_value > 0
                    and actual_value > 0
                    and years_elapsed > 0
                    then (power(actual_value / baseline_value, 1.0 / years_elapsed) - 1) * 100
            end as {{ measure_type() }}
        ) as actual_cagr_pct,
        case
            when path_type <> 'annual_rate' and actual_value is not null and target_value is not null
                then
                    case
                        when direction = 'decrease' then actual_value <= target_value
                        else actual_value >= target_value
                    end
        end as is_target_reached,
        {#- 同比 of a level only: a percentage or a rate changes by percentage points, not by a share of itself. #}
        cast(
            case
                when
                    coalesce(unit, '') <> '%'
                    and path_type <> 'annual_rate'
                    and previous_year_value <> 0
                    then (actual_value / previous_year_value - 1) * 100
            end as {{ measure_type() }}
        ) as yoy_growth_pct
    from previous_years
),

shares as (
    select
        *,
        cast(
            case when planned_change <> 0 then actual_change / planned_change end as {{ measure_type() }}
        ) as share_of_planned_change_achieved,
        cast(
            case
                when planned_change <> 0 then (expected_value - baseline_value) / planned_change
            end as {{ measure_type() }}
        ) as expected_share_of_planned_change,
        case
            when path_type = 'floor' then actual_value - expected_value
            when path_type = 'ceiling' then expected_value - actual_value
        end as constraint_margin,
        cast(
            case
                when path_type in ('floor', 'ceiling')
                    then binding_tolerance_share * abs(coalesce(planned_change, 0))
                when path_type = 'annual_rate' then annual_rate_tolerance_pp
                else on_track_tolerance_share * abs(planned_change)
            end as {{ measure_type() }}
        ) as tolerance_value,
        {#- A rate is reported as the indicator names it (增长 growth, 降低 the size of a fall), so higher is better. #}
        case
            when path_type = 'annual_rate' then actual_value - target_annual_rate
        end as annual_rate_gap_pp
    from expected
),

gaps as (
    select
        *,
        share_of_planned_change_achieved - expected_share_of_planned_change as progress_gap_share
    from shares
),

assessed as (
    select
        *,
        case
            when actual_value is null then 'no_data'
            when target_kind = 'qualitative' then 'qualitative'
            when path_type = 'annual_rate'
                then
                    case
                        when target_annual_rate is null then 'no_target'
                        when is_binding and annual_rate_gap_pp >= 0 then 'constraint_met'
                        when is_binding then 'constraint_violated'
                        when annual_rate_gap_pp > annual_rate_tolerance_pp then 'ahead'
                        when annual_rate_gap_pp >= -annual_rate_tolerance_pp then 'on_track'
                        else 'lagging'
                    end
            when target_value is null and target_status = 'needs_baseline' then 'no_baseline'
            when target_value is null then 'no_target'
            when path_type in ('floor', 'ceiling')
                then
                    case
                        when constraint_margin >= -tolerance_value then 'constraint_met'
                        else 'constraint_violated'
                    end
            when
                year < target_year
                and is_target_reached
                and (baseline_value is null or baseline_value <> target_value)
                then 'achieved_early'
            when baseline_value is null then 'no_baseline'
            when planned_change = 0
                then case when is_target_reached then 'on_track' else 'lagging' end
            when progress_gap_share > on_track_tolerance_share then 'ahead'
            when progress_gap_share >= -on_track_tolerance_share then 'on_track'
            else 'lagging'
        end as status_code
    from gaps
)

select * from assessed
