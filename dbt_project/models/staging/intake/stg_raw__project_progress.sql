with source as (
    {{ raw_source('project_progress') }}
),

renamed as (
    select
        submission_id,
        department_code,
        sheet,
        cast(excel_row as integer) as excel_row,
        {{ raw_column('project_progress', 'region_code', dbt.type_string()) }} as region_code,
        project_code,
        cast(report_month as date) as report_month,
        status_code as project_status_code,
        cast(total_investment as {{ money_type() }}) as total_investment,
        cast(period_investment as {{ money_type() }}) as period_investment,
        cast(cumulative_investment as {{ money_type() }}) as cumulative_investment,
        cast(start_date as date) as start_date,
        cast(completion_date as date) as completion_date,
        note,
        {{ zoned_time('received_at') }} as received_at
    from source
)

select * from renamed
