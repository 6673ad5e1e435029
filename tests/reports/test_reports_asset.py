"""The Dagster asset writes the reports from the published marts, in process."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from orchestration.reports import monitoring_reports, report_assets
from orchestration.settings import Paths


def test_the_reports_asset_follows_the_publish_asset():
    [asset] = report_assets
    assert asset.key == dg.AssetKey("monitoring_reports")
    assert asset.group_names_by_key[asset.key] == "reports"
    assert dg.AssetKey("marts_duckdb") in asset.dependency_keys
    assert asset.descriptions_by_key[asset.key]


def test_materialising_the_asset_writes_the_reports(own_marts: Path, warehouse: Paths):
    result = dg.materialize([monitoring_reports])
    assert result.success
    [event] = result.get_asset_materialization_events()
    files = event.materialization.metadata["files"].value
    assert "monitoring-report-220581-14-2024.html" in files and "steward-review.html" in files
    assert all((warehouse.reports / name).exists() for name in files)
