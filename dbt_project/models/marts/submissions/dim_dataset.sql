{#- The submission datasets with the names the reports and notices show. -#}
with datasets as (
    select * from {{ ref('datasets') }}
),

final as (
    select
        dataset_code as dataset,
        sort_order as dataset_sort_order,
        name_zh as dataset_name_zh,
        name_en as dataset_name_en
    from datasets
)

select * from final
