"""A drop folder and warehouse in tmp_path with the intake fixture seeds, for steward actions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from orchestration.settings import SEEDS_DIR
from tests.orchestration.intake.intake_support import Drop

FIXTURE_SEEDS = Path(__file__).parents[1] / "intake" / "fixtures" / "seeds"


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """A copy of the fixture plan seeds a test may change, plus the real status seed."""
    root = tmp_path / "seeds"
    shutil.copytree(FIXTURE_SEEDS / "plan", root / "plan")
    shutil.copytree(SEEDS_DIR / "reference", root / "reference")
    return root


@pytest.fixture
def drop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seeds: Path) -> Drop:
    """An empty drop folder and warehouse, wired in through PLANWATCH_RAW / PLANWATCH_HOME."""
    found = Drop(tmp_path, seeds)
    monkeypatch.setenv("PLANWATCH_RAW", str(found.raw))
    monkeypatch.setenv("PLANWATCH_HOME", str(found.home))
    return found
