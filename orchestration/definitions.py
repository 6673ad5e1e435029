"""The Dagster code location: assets, checks, jobs, schedules and sensors assembled."""

from __future__ import annotations

import dagster as dg

from orchestration.audit.checks import audit_checks
from orchestration.publish.assets import marts_duckdb
from orchestration.refresh.assets import intake_assets
from orchestration.refresh.jobs import nightly_refresh, refresh_job, reports_job
from orchestration.refresh.resources import REFRESH_LOCK, RefreshLock
from orchestration.refresh.sensors import raw_files_sensor, stale_reports_sensor
from orchestration.reports import report_assets
from orchestration.transform.assets import planwatch_dbt
from orchestration.transform.docs import dbt_docs_site
from orchestration.transform.project import dbt_resource

defs = dg.Definitions(
    assets=[*intake_assets, planwatch_dbt, marts_duckdb, dbt_docs_site, *report_assets],
    asset_checks=audit_checks,
    jobs=[refresh_job, reports_job],
    schedules=[nightly_refresh],
    sensors=[raw_files_sensor, stale_reports_sensor],
    resources={"dbt": dbt_resource(), REFRESH_LOCK: RefreshLock()},
    executor=dg.in_process_executor,
)
