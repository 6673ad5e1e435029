{#-
    Every accepted project report with its revision number and region. The latest accepted per
    region, project and month is current. Rows of withdrawn submissions are left out, so the
    revision before them is current again.
-#}
with located as (
    select * from {{ ref('int_project_reports_located') }}
),

revisioned as (
    {{ project_report_revisions('located') }}
)

select * from revisioned
