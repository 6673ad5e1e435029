"""Report fixtures: a published marts file in the isolated warehouse and the reports from it."""

from __future__ import annotations

from pathlib import Path

import pytest
from marts_fixture import build_marts

from orchestration.settings import Paths
from reports import build_reports


@pytest.fixture
def marts_db(warehouse: Paths) -> Path:
    """GIVEN a published marts file with plan dims and synthetic facts up to 2024."""
    return build_marts(warehouse.marts_db, latest_year=2024)


@pytest.fixture
def built(marts_db: Path, warehouse: Paths) -> list[Path]:
    """WHEN every report is built from it into warehouse/reports/."""
    return build_reports(marts_db, warehouse.reports)
