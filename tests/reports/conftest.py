"""Report fixtures: ONE real refresh over synthetic submissions, shared by every report test.

The refresh is the one a person runs (`planwatch refresh` in its own process): intake →
dbt build → audit → publish → reports, over the files tests/reports/synthetic.py drops into
a fresh drop folder. It runs once per test session; with pytest-xdist the workers share it
through a file lock. Report tests read the published marts and the reports it wrote.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock
from synthetic import write_submissions

from orchestration.settings import Paths

DONE = "refresh-succeeded"


def refresh(where: Paths) -> None:
    """Drop the synthetic submissions into a fresh drop folder and run one real refresh."""
    shutil.rmtree(where.raw, ignore_errors=True)
    shutil.rmtree(where.warehouse, ignore_errors=True)
    write_submissions(where.raw)
    env = {**os.environ, "PLANWATCH_HOME": str(where.warehouse), "PLANWATCH_RAW": str(where.raw)}
    env.pop("DAGSTER_HOME", None)
    result = subprocess.run(
        [sys.executable, "-m", "orchestration.cli", "refresh"],
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    if result.returncode != 0:
        pytest.fail(
            "the refresh over the synthetic submissions failed:\n"
            + result.stdout[-4000:]
            + result.stderr[-4000:]
        )
    (where.warehouse / DONE).write_text(result.stdout, encoding="utf-8")


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Paths:
    """GIVEN the marts and reports a real refresh published from the synthetic submissions."""
    root = tmp_path_factory.getbasetemp()
    root = root if worker_id == "master" else root.parent
    where = Paths(raw=root / "reports-raw", warehouse=root / "reports-warehouse")
    with FileLock(str(root / "reports-warehouse.lock")):
        if not (where.warehouse / DONE).exists():
            refresh(where)
    return where


@pytest.fixture(scope="session")
def marts_db(published: Paths) -> Path:
    """The published marts file (open it read-only)."""
    return published.marts_db


@pytest.fixture(scope="session")
def built(published: Paths) -> list[Path]:
    """The report files the refresh wrote into warehouse/reports/ (not its hidden record)."""
    return sorted(
        path
        for path in published.reports.iterdir()
        if path.is_file() and not path.name.startswith(".")
    )


@pytest.fixture
def own_marts(published: Paths, warehouse: Paths) -> Path:
    """A copy of the published marts in this test's own isolated warehouse."""
    shutil.copyfile(published.marts_db, warehouse.marts_db)
    return warehouse.marts_db
