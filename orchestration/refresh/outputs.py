"""Which reports and docs a refresh must re-write because they are older than the marts."""

from __future__ import annotations

import dagster as dg

from orchestration.refresh.skip import stale_outputs
from orchestration.settings import paths

REPORTS = dg.AssetKey("monitoring_reports")


def last_report_files(instance: dg.DagsterInstance) -> list[str]:
    """The file names the latest report run wrote, as its materialization recorded them."""
    event = instance.get_latest_materialization_event(REPORTS)
    materialization = event.asset_materialization if event else None
    files = materialization.metadata.get("files") if materialization else None
    return [str(name) for name in files.value] if files is not None else []


def stale(instance: dg.DagsterInstance) -> list[str]:
    """Reports and docs under the warehouse that are missing or older than the marts."""
    return stale_outputs(paths(), last_report_files(instance))
