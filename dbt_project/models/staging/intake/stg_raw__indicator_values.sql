{%- set raw_table = load_relation(source('raw', 'indicator_values')) -%}

with source as (
    {%- if execute and raw_table is none %}
        {#- No intake run has created the table in this warehouse yet: read it as empty. #}
        select
            cast(null as {{ dbt.type_string() }}) as submission_id,
            cast(null as {{ dbt.type_string() }}) as department_code,
            cast(null as {{ dbt.type_string() }}) as sheet,
            cast(null as integer) as excel_row,
            cast(null as {{ dbt.type_string() }}) as indicator_code,
            cast(null as {{ dbt.type_string() }}) as region_code,
            cast(null as integer) as year,
            cast(null as decimal(20, 6)) as value,
            cast(null as {{ dbt.type_string() }}) as unit,
            cast(null as {{ dbt.type_string() }}) as note,
            cast(null as timestamp) as received_at
        where 1 = 0
    {%- else %}
        select * from {{ source('raw', 'indicator_values') }}
    {%- endif %}
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
        cast(received_at as timestamp) as received_at
    from source
)

select * from renamed
