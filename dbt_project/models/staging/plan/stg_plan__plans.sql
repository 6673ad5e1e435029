with source as (
    select * from {{ ref('plans') }}
),

renamed as (
    select
        plan_id,
        cast(region_code as {{ dbt.type_string() }}) as region_code,
        plan_no,
        name_zh as plan_name_zh,
        name_en as plan_name_en,
        short_name_zh as plan_short_name_zh,
        short_name_en as plan_short_name_en,
        start_year,
        end_year,
        baseline_year,
        adopted_on,
        source_path,
        is_synthetic,
        note
    from source
)

select * from renamed
