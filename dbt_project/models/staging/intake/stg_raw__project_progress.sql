{%- set raw_table = load_relation(source('raw', 'project_progress')) -%}

with source as (
    {%- if execute and raw_table is none %}
        {#- No intake run has created the table in this warehouse yet: read it as empty. #}
        select
            cast(null as {{ dbt.type_string() }}) as submission_id,
            cast(null as {{ dbt.type_string() }}) as department_code,
            cast(null as {{ dbt.type_string() }}) as sheet,
            cast(null as integer) as excel_row,
            cast(null as {{ dbt.type_string() }}) as project_code,
            cast(null as date) as report_month,
            cast(null as {{ dbt.type_string() }}) as status_code,
            cast(null as decimal(18, 2)) as total_investment,
            cast(null as decimal(18, 2)) as period_investment,
            cast(null as decimal(18, 2)) as cumulative_investment,
            cast(null as date) as start_date,
            cast(null as date) as completion_date,
            cast(null as {{ dbt.type_string() }}) as note,
            cast(null as timestamp) as received_at
        where 1 = 0
    {%- else %}
        select * from {{ source('raw', 'project_progress') }}
    {%- endif %}
),

renamed as (
    select
        submission_id,
        department_code,
        sheet,
        cast(excel_row as integer) as excel_row,
        project_code,
        cast(report_month as date) as report_month,
        status_code as project_status_code,
        cast(total_investment as {{ money_type() }}) as total_investment,
        cast(period_investment as {{ money_type() }}) as period_investment,
        cast(cumulative_investment as {{ money_type() }}) as cumulative_investment,
        cast(start_date as date) as start_date,
        cast(completion_date as date) as completion_date,
        note,
        cast(received_at as timestamp) as received_at
    from source
)

select * from renamed
