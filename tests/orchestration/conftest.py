"""A real warehouse, refreshed once per session by the real CLI over a small synthetic drop.

Tests that only read it share `published_site`; tests that change it get their own copy
(`published`). Built like a person builds it: `planwatch refresh` in its own process.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from site_support import SMALL_DROP, planwatch, write_drop

from orchestration.settings import Paths, paths


@pytest.fixture(scope="session")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site (raw/ and warehouse/) after one real `planwatch refresh` of SMALL_DROP."""
    root = tmp_path_factory.mktemp("site")
    write_drop(root / "raw", SMALL_DROP)
    result = planwatch(root, "refresh")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    (root / "refresh.out").write_text(result.stdout, encoding="utf-8")
    (root / "refresh.err").write_text(result.stderr, encoding="utf-8")
    return root


@pytest.fixture
def published(
    published_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Paths]:
    """GIVEN a copy of the refreshed site of this session, for a test that changes it."""
    root = tmp_path / "site"
    shutil.copytree(published_site, root, symlinks=True)
    monkeypatch.setenv("PLANWATCH_HOME", str(root / "warehouse"))
    monkeypatch.setenv("PLANWATCH_RAW", str(root / "raw"))
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    yield paths()
