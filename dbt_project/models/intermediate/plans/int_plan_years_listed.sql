{#-
    Every year of every plan, from its baseline year to its end year: one row per plan and
    year, with what follows from the plan's years (docs/methodology.md): the span
    end_year − baseline_year, the mid-term year start_year + (end_year − start_year) // 2,
    the final year end_year. is_plan_year marks start_year..end_year.
-#}
with plans as (
    select * from {{ ref('stg_plan__plans') }}
),

offsets as (
    {{ dbt.generate_series(64) }}
),

framed as (
    select
        plan_id,
        region_code,
        start_year,
        end_year,
        baseline_year,
        end_year - baseline_year as plan_span,
        start_year + cast(floor((end_year - start_year) / 2) as integer) as midterm_year,
        end_year as final_year
    from plans
),

listed as (
    select
        framed.plan_id,
        framed.region_code,
        framed.baseline_year + cast(offsets.generated_number as integer) - 1 as year,
        framed.start_year,
        framed.end_year,
        framed.baseline_year,
        framed.plan_span,
        framed.midterm_year,
        framed.final_year
    from framed
    inner join offsets
        on offsets.generated_number <= framed.plan_span + 1
)

select
    *,
    year between start_year and end_year as is_plan_year,
    year = baseline_year as is_baseline_year
from listed
