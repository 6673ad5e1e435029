{#-
    The region of every submitted file: the region intake recorded for it, else the region
    folder it was dropped in (raw/<region_code>/<department>/), else the default region (the
    single-region layout raw/<department>/). One row per submission.
-#}
with submissions as (
    select * from {{ ref('stg_raw__submission_log') }}
),

regions as (
    select * from {{ ref('stg_plan__regions') }}
),

default_region as (
    select region_code from regions
    where is_default
),

located as (
    select
        submissions.submission_id,
        submissions.file_name,
        submissions.department_code,
        submissions.dataset,
        submissions.status,
        submissions.duplicate_of,
        submissions.received_at,
        submissions.submitted_on,
        submissions.submitted_at,
        coalesce(
            submissions.region_code, folder_regions.region_code, default_region.region_code
        ) as region_code
    from submissions
    left join regions as folder_regions
        on {{ dbt.split_part('submissions.file_path', "'/'", 1) }} = folder_regions.region_code
    left join default_region
        on true
)

select * from located
