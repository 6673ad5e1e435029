with source as (
    {{ raw_source('submission_warning') }}
),

renamed as (
    select
        {{ dbt.hash(dbt.concat([
            "coalesce(submission_id, '')", "'|'",
            "coalesce(sheet, '')", "'|'",
            "coalesce(cast(excel_row as " ~ dbt.type_string() ~ "), '')", "'|'",
            "coalesce(column_name, '')", "'|'",
            "coalesce(rule, '')", "'|'",
            "coalesce(reason_en, '')",
        ])) }} as warning_id,
        submission_id,
        sheet,
        cast(excel_row as integer) as excel_row,
        column_name,
        rule,
        reason_zh,
        reason_en
    from source
)

select * from renamed
