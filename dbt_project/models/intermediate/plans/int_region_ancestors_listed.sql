{#-
    Every region with each of its ancestors up the hierarchy (parent, grandparent, …), at
    distance 1, 2, …; distance 0 is the region itself. Unrolled to a fixed depth (a chain of
    joins per distance), portable SQL with no recursion; a test checks no region is deeper.
-#}
{%- set max_depth = 6 -%}

with regions as (
    select * from {{ ref('stg_plan__regions') }}
),

listed as (
    {%- for distance in range(max_depth + 1) %}
        select
            step_0.region_code,
            step_{{ distance }}.region_code as ancestor_region_code,
            {{ distance }} as distance,
            step_{{ distance }}.parent_region_code is null as is_root
        from regions as step_0
        {%- for step in range(1, distance + 1) %}
        inner join regions as step_{{ step }}
            on step_{{ step - 1 }}.parent_region_code = step_{{ step }}.region_code
        {%- endfor %}
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
)

select * from listed
