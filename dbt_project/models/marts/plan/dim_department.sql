with departments as (
    select * from {{ ref('stg_plan__departments') }}
)

select
    region_code,
    department_code,
    name_zh,
    name_en,
    is_assumed,
    note
from departments
