{%- set raw_table = load_relation(source('raw', 'submission_log')) -%}

with source as (
    {%- if execute and raw_table is none %}
        {#- No intake run has created the table in this warehouse yet: read it as empty. #}
        select
            cast(null as {{ dbt.type_string() }}) as submission_id,
            cast(null as {{ dbt.type_string() }}) as file_path,
            cast(null as {{ dbt.type_string() }}) as file_name,
            cast(null as {{ dbt.type_string() }}) as department_code,
            cast(null as {{ dbt.type_string() }}) as dataset,
            cast(null as {{ dbt.type_string() }}) as sha256,
            cast(null as bigint) as size_bytes,
            cast(null as timestamp) as received_at,
            cast(null as {{ dbt.type_string() }}) as status,
            cast(null as integer) as rows_received,
            cast(null as integer) as rows_accepted,
            cast(null as integer) as rows_quarantined,
            cast(null as {{ dbt.type_string() }}) as reasons,
            cast(null as {{ dbt.type_string() }}) as warnings,
            cast(null as {{ dbt.type_string() }}) as archive_path,
            cast(null as {{ dbt.type_string() }}) as duplicate_of
        where 1 = 0
    {%- else %}
        select * from {{ source('raw', 'submission_log') }}
    {%- endif %}
),

renamed as (
    select
        submission_id,
        file_path,
        file_name,
        department_code,
        dataset,
        sha256,
        cast(size_bytes as bigint) as size_bytes,
        cast(received_at as timestamp) as received_at,
        status,
        cast(rows_received as integer) as rows_received,
        cast(rows_accepted as integer) as rows_accepted,
        cast(rows_quarantined as integer) as rows_quarantined,
        reasons,
        warnings,
        archive_path,
        duplicate_of
    from source
)

select * from renamed
