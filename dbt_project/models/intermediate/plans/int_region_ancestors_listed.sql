{#-
    Every region with each of its ancestors up the hierarchy (parent, grandparent, …), at
    distance 1, 2, …; distance 0 is the region itself. Unrolled to a fixed depth (one step
    up the parents per CTE), portable SQL with no recursion; a test checks no region is deeper.
-#}
{%- set max_depth = 6 -%}

with regions as (
    select * from {{ ref('stg_plan__regions') }}
),

step_0 as (
    select
        region_code,
        region_code as ancestor_region_code,
        parent_region_code
    from regions
),
{%- for distance in range(1, max_depth + 1) %}

    step_{{ distance }} as (
        select
            below.region_code,
            regions.region_code as ancestor_region_code,
            regions.parent_region_code
        from step_{{ distance - 1 }} as below
        inner join regions
            on below.parent_region_code = regions.region_code
    ),
{%- endfor %}

listed as (
    {%- for distance in range(max_depth + 1) %}
        select
            region_code,
            ancestor_region_code,
            {{ distance }} as distance,
            parent_region_code is null as is_root
        from step_{{ distance }}
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
)

select * from listed
