{#- The outcomes of a submitted file with the labels and colours the reports show. -#}
with statuses as (
    select * from {{ ref('submission_statuses') }}
),

final as (
    select
        status_code as status,
        sort_order as status_sort_order,
        name_zh as status_zh,
        name_en as status_en,
        colour as status_colour
    from statuses
)

select * from final
