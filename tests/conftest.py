"""Shared fixtures: an isolated warehouse in tmp_path and a prepared dbt manifest."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from orchestration.settings import Paths, paths


def pytest_configure(config: pytest.Config) -> None:
    """Parse the dbt project once, in the controller, before any worker imports definitions."""
    if hasattr(config, "workerinput"):
        return
    from orchestration.transform.project import dbt_project, prepare_manifest

    if not dbt_project.manifest_path.exists():
        prepare_manifest()


@pytest.fixture
def warehouse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Paths]:
    """GIVEN an empty warehouse and an empty drop folder under tmp_path."""
    monkeypatch.setenv("PLANWATCH_HOME", str(tmp_path / "warehouse"))
    monkeypatch.setenv("PLANWATCH_RAW", str(tmp_path / "raw"))
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    (tmp_path / "raw").mkdir()
    where = paths()
    where.warehouse.mkdir(parents=True)
    monkeypatch.setenv("PLANWATCH_BUILD_DB", str(where.build_db))
    yield where


@pytest.fixture
def run_dbt(warehouse: Paths):
    """Run a real dbt command against the isolated warehouse; fails the test on dbt errors."""
    from orchestration.transform.project import dbt_resource

    def run(*args: str, raise_on_error: bool = True):
        invocation = dbt_resource().cli(
            list(args), target_path=warehouse.dbt_target, raise_on_error=raise_on_error
        )
        invocation.wait()
        return invocation

    return run
