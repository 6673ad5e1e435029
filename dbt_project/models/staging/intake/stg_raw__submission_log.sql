with source as (
    {{ raw_source('submission_log') }}
),

renamed as (
    select
        submission_id,
        file_path,
        file_name,
        department_code,
        {{ raw_column('submission_log', 'region_code', dbt.type_string()) }} as region_code,
        dataset,
        sha256,
        cast(size_bytes as bigint) as size_bytes,
        {{ zoned_time('received_at') }} as received_at,
        {{ raw_column('submission_log', 'submitted_on', 'date') }} as submitted_on,
        status,
        cast(rows_received as integer) as rows_received,
        cast(rows_accepted as integer) as rows_accepted,
        cast(rows_quarantined as integer) as rows_quarantined,
        reasons,
        warnings,
        archive_path,
        duplicate_of,
        reprocess_of
    from source
),

dated as (
    select
        *,
        {#- the stated 报送日期 if any, else when the file first appeared -#}
        coalesce({{ zoned_time('submitted_on') }}, received_at) as submitted_at
    from renamed
)

select * from dated
