{#- The groups of industry sectors with the labels the reports show. -#}
with sector_groups as (
    select * from {{ ref('sector_groups') }}
),

final as (
    select
        sector_group,
        sort_order as sector_group_sort_order,
        name_zh as sector_group_name_zh,
        name_en as sector_group_name_en
    from sector_groups
)

select * from final
