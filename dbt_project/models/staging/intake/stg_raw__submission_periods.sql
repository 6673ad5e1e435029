with source as (
    {{ raw_source('submission_period') }}
),

renamed as (
    select
        submission_id,
        region_code,
        cast(period_date as date) as period_date
    from source
)

select * from renamed
