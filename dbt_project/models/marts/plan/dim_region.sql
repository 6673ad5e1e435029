{#- The region hierarchy: each region with its level, parent, depth below its province and the path of its ancestors. -#}
with regions as (
    select * from {{ ref('stg_plan__regions') }}
),

ancestors as (
    select * from {{ ref('int_region_ancestors_listed') }}
),

named_ancestors as (
    select
        ancestors.region_code,
        ancestors.distance,
        ancestors.is_root,
        ancestor.name_zh as ancestor_name_zh
    from ancestors
    inner join regions as ancestor
        on ancestors.ancestor_region_code = ancestor.region_code
),

paths as (
    select
        region_code,
        max(distance) as depth,
        {{ dbt.listagg('ancestor_name_zh', "' / '", 'order by distance desc') }} as region_path_zh
    from named_ancestors
    group by region_code
),

plans as (
    select
        region_code,
        count(*) as plans
    from {{ ref('stg_plan__plans') }}
    group by region_code
),

final as (
    select
        regions.region_code,
        regions.name_zh,
        regions.name_en,
        regions.region_level,
        regions.division_type,
        regions.parent_region_code,
        paths.depth,
        paths.region_path_zh,
        coalesce(plans.plans, 0) as plans,
        regions.is_default,
        regions.is_synthetic
    from regions
    left join paths
        on regions.region_code = paths.region_code
    left join plans
        on regions.region_code = plans.region_code
)

select * from final
