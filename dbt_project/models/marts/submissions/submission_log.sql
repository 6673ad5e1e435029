with submissions as (
    select * from {{ ref('stg_raw__submission_log') }}
),

located as (
    select * from {{ ref('int_submissions_located') }}
),

departments as (
    select * from {{ ref('stg_plan__departments') }}
),

withdrawn as (
    select * from {{ ref('int_submissions_withdrawn') }}
),

final as (
    select
        submissions.submission_id,
        submissions.file_path,
        submissions.file_name,
        located.region_code,
        submissions.department_code,
        departments.name_zh as department_name_zh,
        departments.name_en as department_name_en,
        submissions.dataset,
        submissions.sha256,
        submissions.size_bytes,
        submissions.received_at,
        submissions.status,
        submissions.rows_received,
        submissions.rows_accepted,
        submissions.rows_quarantined,
        submissions.reasons,
        submissions.warnings,
        submissions.archive_path,
        submissions.duplicate_of,
        submissions.reprocess_of,
        withdrawn.submission_id is not null as is_withdrawn,
        withdrawn.withdraw_action_id
    from submissions
    inner join located
        on submissions.submission_id = located.submission_id
    left join departments
        on
            located.region_code = departments.region_code
            and submissions.department_code = departments.department_code
    left join withdrawn
        on submissions.submission_id = withdrawn.submission_id
)

select * from final
