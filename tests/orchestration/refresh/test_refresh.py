"""A full refresh, run as a person runs it: `planwatch refresh` in its own process.

These tests prove the write-audit-publish guarantees: readers never see an error or a
half-built version while a refresh runs, and a refresh killed mid-build leaves the
published file byte for byte unchanged and the next run recovers on its own.
"""

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest

from orchestration.settings import REPO_ROOT, Paths

pytestmark = pytest.mark.xdist_group("refresh")

PLANWATCH = [sys.executable, "-m", "orchestration.cli"]


def _env(where: Paths) -> dict[str, str]:
    return {**os.environ, "PLANWATCH_HOME": str(where.warehouse), "PLANWATCH_RAW": str(where.raw)}


def _refresh(where: Paths, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*PLANWATCH, "refresh", *options],
        env=_env(where),
        capture_output=True,
        text=True,
        timeout=900,
    )


def _snapshot(marts: Path) -> dict[str, list[tuple]]:
    """Every row of every published mart, in a stable order (run metadata left out)."""
    with duckdb.connect(str(marts), read_only=True) as con:
        tables = [
            row[0]
            for row in con.execute("select table_name from duckdb_tables()").fetchall()
            if row[0] not in {"refresh_provenance", "validation_result"}
        ]
        return {t: con.execute(f'select * from "{t}" order by all').fetchall() for t in tables}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _published_version(marts: Path) -> tuple[str, int, int]:
    with duckdb.connect(str(marts), read_only=True) as con:
        run_id = con.execute(
            "select value from refresh_provenance where item = 'run_id'"
        ).fetchone()[0]
        indicators = con.execute("select count(*) from dim_indicator").fetchone()[0]
        projects = con.execute("select count(*) from dim_project").fetchone()[0]
    return run_id, indicators, projects


def _start_refresh_after_a_late_file(where: Paths, **popen: Any) -> subprocess.Popen:
    """WHEN a department drops a revised GDP figure and a refresh starts in its own process."""
    (where.raw / "stats" / "late.csv").write_text(
        "指标代码,年份,数值,单位\nI01,2021,330,亿元\n", encoding="utf-8"
    )
    return subprocess.Popen(
        [*PLANWATCH, "refresh"], env=_env(where), stderr=subprocess.STDOUT, **popen
    )


@pytest.fixture
def samples(warehouse: Paths) -> Paths:
    """GIVEN the bundled sample submissions in the drop folder."""
    shutil.rmtree(warehouse.raw)
    shutil.copytree(REPO_ROOT / "raw", warehouse.raw)
    return warehouse


def test_refresh_publishes_the_plan_and_the_marts(samples: Paths) -> None:
    result = _refresh(samples)

    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "succeeded" in result.stdout
    _, indicators, projects = _published_version(samples.marts_db)
    assert indicators == 22
    with duckdb.connect(str(samples.build_db), read_only=True) as con:
        seeded = con.execute("select count(*) from reference.projects").fetchone()[0]
    assert projects == seeded


def test_same_files_give_identical_marts_and_nothing_new_skips_the_rebuild(
    samples: Paths,
) -> None:
    assert _refresh(samples).returncode == 0
    first, digest = _snapshot(samples.marts_db), _digest(samples.marts_db)

    idle = _refresh(samples)
    assert idle.returncode == 0
    assert "rebuild skipped" in idle.stdout
    assert _digest(samples.marts_db) == digest

    forced = _refresh(samples, "--force")
    assert forced.returncode == 0, forced.stdout[-3000:]
    assert _digest(samples.marts_db) != digest
    assert _snapshot(samples.marts_db) == first


def test_readers_see_only_whole_versions_during_a_refresh(samples: Paths) -> None:
    assert _refresh(samples).returncode == 0
    first = _published_version(samples.marts_db)
    refresh = _start_refresh_after_a_late_file(samples, stdout=subprocess.DEVNULL)
    seen, errors = set(), []
    while refresh.poll() is None:
        try:
            seen.add(_published_version(samples.marts_db))
        except duckdb.Error as error:
            errors.append(str(error))
        time.sleep(0.05)
    seen.add(_published_version(samples.marts_db))

    assert refresh.returncode == 0
    assert errors == []
    assert first in seen
    assert len(seen) == 2
    assert all(indicators == 22 and projects == first[2] for _, indicators, projects in seen)


def test_a_refresh_killed_mid_build_leaves_the_published_file_and_recovers(samples: Paths) -> None:
    assert _refresh(samples).returncode == 0
    before = _digest(samples.marts_db)
    refresh = _start_refresh_after_a_late_file(samples, stdout=subprocess.PIPE, text=True)
    assert refresh.stdout is not None
    for line in refresh.stdout:
        if "planwatch_dbt" in line and "Running dbt command" in line:
            break
    time.sleep(2)
    refresh.send_signal(signal.SIGKILL)
    refresh.wait()

    assert refresh.returncode == -signal.SIGKILL, "the refresh ended before it could be killed"

    assert _digest(samples.marts_db) == before
    again = _refresh(samples)
    assert again.returncode == 0, again.stdout[-3000:]
    assert _digest(samples.marts_db) != before
    assert list(samples.warehouse.glob(".marts-*")) == []
