with warnings as (
    select * from {{ ref('stg_raw__submission_warnings') }}
),

submissions as (
    select * from {{ ref('int_submissions_located') }}
),

final as (
    select
        warnings.warning_id,
        warnings.submission_id,
        submissions.region_code,
        submissions.department_code,
        submissions.dataset,
        submissions.file_name,
        submissions.received_at,
        warnings.sheet,
        warnings.excel_row,
        warnings.column_name,
        warnings.rule,
        warnings.reason_zh,
        warnings.reason_en
    from warnings
    left join submissions
        on warnings.submission_id = submissions.submission_id
)

select * from final
