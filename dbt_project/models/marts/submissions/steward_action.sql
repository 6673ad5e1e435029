with actions as (
    select * from {{ ref('stg_raw__steward_actions') }}
),

submissions as (
    select * from {{ ref('stg_raw__submission_log') }}
),

final as (
    select
        actions.action_id,
        actions.action,
        case actions.action when 'withdraw' then '撤回' when 'reprocess' then '重新读取' end as action_zh,
        actions.submission_id,
        acted_on.file_path,
        acted_on.file_name,
        acted_on.department_code,
        acted_on.dataset,
        acted_on.status as submission_status,
        actions.reason,
        actions.acted_by,
        actions.acted_at,
        actions.result_submission_id,
        results.status as result_status
    from actions
    left join submissions as acted_on
        on actions.submission_id = acted_on.submission_id
    left join submissions as results
        on actions.result_submission_id = results.submission_id
)

select * from final
