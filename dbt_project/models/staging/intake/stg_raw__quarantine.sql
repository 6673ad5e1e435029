{%- set raw_table = load_relation(source('raw', 'quarantine')) -%}

with source as (
    {%- if execute and raw_table is none %}
        {#- No intake run has created the table in this warehouse yet: read it as empty. #}
        select
            cast(null as {{ dbt.type_string() }}) as submission_id,
            cast(null as {{ dbt.type_string() }}) as sheet,
            cast(null as integer) as excel_row,
            cast(null as {{ dbt.type_string() }}) as column_name,
            cast(null as {{ dbt.type_string() }}) as rule,
            cast(null as {{ dbt.type_string() }}) as reason_zh,
            cast(null as {{ dbt.type_string() }}) as reason_en,
            cast(null as {{ dbt.type_string() }}) as raw_record
        where 1 = 0
    {%- else %}
        select * from {{ source('raw', 'quarantine') }}
    {%- endif %}
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
        ])) }} as quarantine_id,
        submission_id,
        sheet,
        cast(excel_row as integer) as excel_row,
        column_name,
        rule,
        reason_zh,
        reason_en,
        raw_record
    from source
)

select * from renamed
