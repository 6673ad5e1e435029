with quarantined as (
    select * from {{ ref('stg_raw__quarantine') }}
),

submissions as (
    select * from {{ ref('int_submissions_located') }}
),

final as (
    select
        quarantined.quarantine_id,
        quarantined.submission_id,
        submissions.region_code,
        submissions.department_code,
        submissions.dataset,
        submissions.file_name,
        submissions.received_at,
        quarantined.sheet,
        quarantined.excel_row,
        quarantined.column_name,
        quarantined.rule,
        quarantined.reason_zh,
        quarantined.reason_en,
        quarantined.raw_record
    from quarantined
    left join submissions
        on quarantined.submission_id = submissions.submission_id
)

select * from final
