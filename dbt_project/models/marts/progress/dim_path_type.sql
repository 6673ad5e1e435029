{#- The path types of the indicators' expected paths with the labels the reports show. -#}
with path_types as (
    select * from {{ ref('path_types') }}
),

final as (
    select
        path_type,
        sort_order as path_type_sort_order,
        name_zh as path_type_name_zh,
        name_en as path_type_name_en
    from path_types
)

select * from final
