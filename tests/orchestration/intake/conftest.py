"""Shared fixtures: a drop folder and warehouse in tmp_path, small reference seeds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from intake_support import Drop

from orchestration.settings import SEEDS_DIR

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Fixture plan seeds (22 indicators, a few projects/sectors) plus the real status seed."""
    root = tmp_path_factory.mktemp("seeds")
    shutil.copytree(FIXTURES / "seeds" / "plan", root / "plan")
    shutil.copytree(SEEDS_DIR / "reference", root / "reference")
    return root


@pytest.fixture
def drop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seeds: Path) -> Drop:
    """An empty drop folder and warehouse, wired in through PLANWATCH_RAW / PLANWATCH_HOME."""
    found = Drop(tmp_path, seeds)
    monkeypatch.setenv("PLANWATCH_RAW", str(found.raw))
    monkeypatch.setenv("PLANWATCH_HOME", str(found.home))
    return found
