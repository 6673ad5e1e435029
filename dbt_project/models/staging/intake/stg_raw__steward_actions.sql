with source as (
    {{ raw_source('steward_action') }}
),

renamed as (
    select
        action_id,
        action,
        submission_id,
        reason,
        acted_by,
        acted_at,
        result_submission_id
    from source
)

select * from renamed
