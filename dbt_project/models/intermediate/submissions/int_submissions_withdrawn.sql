{#-
    Submissions a data steward withdrew, with the first withdrawal of each: their rows stop
    counting everywhere downstream (revisions, progress, completeness) and nothing is deleted.
-#}
with actions as (
    select * from {{ ref('stg_raw__steward_actions') }}
),

withdrawals as (
    select
        submission_id,
        action_id,
        acted_at,
        acted_by,
        reason,
        row_number() over (partition by submission_id order by acted_at, action_id) as withdrawal_no
    from actions
    where action = 'withdraw'
)

select
    submission_id,
    action_id as withdraw_action_id,
    acted_at as withdrawn_at,
    acted_by as withdrawn_by,
    reason as withdraw_reason
from withdrawals
where withdrawal_no = 1
