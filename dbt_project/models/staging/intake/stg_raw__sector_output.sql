with source as (
    {{ raw_source('sector_output') }}
),

renamed as (
    select
        submission_id,
        department_code,
        sheet,
        cast(excel_row as integer) as excel_row,
        sector_code,
        cast(region_code as {{ dbt.type_string() }}) as region_code,
        cast(year as integer) as year,
        cast(output_value as {{ api.Column.numeric_type('decimal', 18, 4) }}) as output_value,
        cast(enterprises as integer) as enterprises,
        note,
        {{ zoned_time('received_at') }} as received_at
    from source
)

select * from renamed
