with source as (
    {{ raw_source('indicator_values') }}
),

renamed as (
    select
        submission_id,
        department_code,
        sheet,
        cast(excel_row as integer) as excel_row,
        indicator_code,
        cast(region_code as {{ dbt.type_string() }}) as region_code,
        cast(year as integer) as year,
        cast(value as {{ measure_type() }}) as value,
        unit,
        note,
        {{ zoned_time('received_at') }} as received_at
    from source
)

select * from renamed
