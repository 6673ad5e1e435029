{#-
    Current project reports in month order per project, with what the stalled and
    over-budget flags need: the last month investment grew and the first reported total
    (macros/project_reports.sql, which the incremental build of fct_project_progress shares).
-#}
with reports as (
    select * from {{ ref('int_project_reports_revisioned') }}
    where is_current
),

sequenced as (
    {{ sequenced_project_reports('reports') }}
)

select * from sequenced
