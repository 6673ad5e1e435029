{#-
    Indicator values of parent regions built from their counties (docs/methodology.md), for
    the indicators the catalogue declares additive: sum of the counties' current values, or
    their mean weighted by another indicator (weighted_mean); indicators that aggregate
    'none' are never rolled up. One row per indicator, parent region and year in which at
    least one descendant county's plan (in force that year, or whose baseline year it is)
    monitors the indicator, saying from how many of how many counties the value is built.
-#}
with catalogue as (
    select * from {{ ref('stg_plan__indicator_catalogue') }}
    where aggregation in ('sum', 'weighted_mean')
),

regions as (
    select * from {{ ref('stg_plan__regions') }}
),

ancestors as (
    select * from {{ ref('int_region_ancestors_listed') }}
    where distance > 0
),

region_years as (
    select * from {{ ref('int_region_years_planned') }}
),

indicators as (
    select * from {{ ref('stg_plan__indicators') }}
),

current_values as (
    select * from {{ ref('int_indicator_values_revisioned') }}
    where is_current
),

counties as (
    select
        ancestors.ancestor_region_code as parent_region_code,
        ancestors.region_code
    from ancestors
    inner join regions
        on ancestors.region_code = regions.region_code
    where regions.region_level = 'county'
),

county_totals as (
    select
        parent_region_code,
        count(*) as child_regions_total
    from counties
    group by parent_region_code
),

{#- A county monitors an indicator in a year when the plan the year belongs to lists it. #}
monitored as (
    select
        counties.parent_region_code,
        counties.region_code,
        region_years.year,
        catalogue.indicator_code,
        catalogue.aggregation,
        catalogue.weight_indicator_code
    from counties
    inner join region_years
        on counties.region_code = region_years.region_code
    inner join indicators
        on region_years.plan_id = indicators.plan_id
    inner join catalogue
        on indicators.indicator_code = catalogue.indicator_code
),

contributions as (
    select
        monitored.*,
        own_values.value,
        weights.value as weight_value,
        case
            when monitored.aggregation = 'sum' then own_values.value is not null
            else own_values.value is not null and weights.value is not null
        end as is_contributing
    from monitored
    left join current_values as own_values
        on
            monitored.region_code = own_values.region_code
            and monitored.year = own_values.year
            and monitored.indicator_code = own_values.indicator_code
    left join current_values as weights
        on
            monitored.region_code = weights.region_code
            and monitored.year = weights.year
            and monitored.weight_indicator_code = weights.indicator_code
),

rolled_up as (
    select
        indicator_code,
        parent_region_code as region_code,
        year,
        max(aggregation) as aggregation,
        max(weight_indicator_code) as weight_indicator_code,
        cast(count(*) as integer) as child_regions_expected,
        cast(sum(case when is_contributing then 1 else 0 end) as integer) as child_regions_reporting,
        sum(case when is_contributing then value end) as value_sum,
        sum(case when is_contributing then value * weight_value end) as weighted_sum,
        sum(case when is_contributing then weight_value end) as weight_sum
    from contributions
    group by indicator_code, parent_region_code, year
),

final as (
    select
        rolled_up.indicator_code,
        rolled_up.region_code,
        rolled_up.year,
        catalogue.name_zh as indicator_name_zh,
        catalogue.name_en as indicator_name_en,
        catalogue.unit,
        regions.name_zh as region_name_zh,
        regions.region_level,
        rolled_up.aggregation,
        rolled_up.weight_indicator_code,
        cast(
            case
                when rolled_up.child_regions_reporting = 0 then null
                when rolled_up.aggregation = 'sum' then rolled_up.value_sum
                when rolled_up.weight_sum <> 0 then rolled_up.weighted_sum / rolled_up.weight_sum
            end as {{ measure_type() }}
        ) as value,
        cast(case when rolled_up.aggregation = 'weighted_mean' then rolled_up.weight_sum end as {{ measure_type() }})
            as weight_total,
        rolled_up.child_regions_reporting,
        rolled_up.child_regions_expected,
        cast(county_totals.child_regions_total as integer) as child_regions_total,
        rolled_up.child_regions_reporting = rolled_up.child_regions_expected as is_complete
    from rolled_up
    inner join catalogue
        on rolled_up.indicator_code = catalogue.indicator_code
    inner join regions
        on rolled_up.region_code = regions.region_code
    inner join county_totals
        on rolled_up.region_code = county_totals.parent_region_code
)

select * from final
