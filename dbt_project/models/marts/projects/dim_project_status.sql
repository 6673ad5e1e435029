{#- The major-project statuses as the reports show them: labels, order along a project's life, colour. -#}
with statuses as (
    select * from {{ ref('project_statuses') }}
),

final as (
    select
        status_code as project_status_code,
        sort_order as project_status_sort_order,
        name_zh as project_status_zh,
        name_en as project_status_en,
        is_terminal,
        colour as project_status_colour
    from statuses
)

select * from final
