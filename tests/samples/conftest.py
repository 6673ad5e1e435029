"""A drop folder and warehouse in tmp_path, read with the real plan seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from orchestration.settings import SEEDS_DIR
from tests.orchestration.intake.intake_support import Drop


@pytest.fixture
def drop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Drop:
    """An empty drop folder and warehouse, wired in through PLANWATCH_RAW / PLANWATCH_HOME."""
    found = Drop(tmp_path, SEEDS_DIR)
    monkeypatch.setenv("PLANWATCH_RAW", str(found.raw))
    monkeypatch.setenv("PLANWATCH_HOME", str(found.home))
    return found
