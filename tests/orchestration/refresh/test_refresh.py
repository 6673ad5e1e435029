"""A full refresh, run as a person runs it: `planwatch refresh` in its own process.

These tests prove the write-audit-publish guarantees with real processes: readers never
see an error or a half-built version while a refresh runs; a second refresh does not
start; a refresh killed mid-build or after publishing leaves the published file whole,
is shown as interrupted, and the next plain refresh repairs what it left behind.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import duckdb
import pytest
from site_support import PLANWATCH, planwatch, planwatch_env

from orchestration.refresh.lock import holder
from orchestration.settings import REPO_ROOT, Paths

pytestmark = pytest.mark.xdist_group("site")

LATE_FILE = "指标代码,年份,数值,单位\nI01,2023,371,亿元\n"


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
        values = con.execute("select count(*) from fct_indicator_value").fetchone()[0]
    return run_id, indicators, values


def _start(where: Paths, *options: str) -> subprocess.Popen[str]:
    """WHEN a refresh starts in its own process (its output to a file, never a full pipe)."""
    output = (where.warehouse.parent / "refresh-under-test.out").open("w", encoding="utf-8")
    return subprocess.Popen(
        [*PLANWATCH, "refresh", *options],
        env=planwatch_env(where.warehouse.parent),
        stdout=output,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _output(where: Paths) -> str:
    return (where.warehouse.parent / "refresh-under-test.out").read_text(encoding="utf-8")


def _start_after_a_late_file(where: Paths) -> subprocess.Popen[str]:
    """WHEN a department drops a GDP figure for 2023 and a refresh starts."""
    (where.raw / "stats" / "late.csv").write_text(LATE_FILE, encoding="utf-8")
    return _start(where)


def _wait_for(condition, process: subprocess.Popen[str], what: str) -> None:
    while not condition():
        assert process.poll() is None, f"the refresh ended before {what}"
        time.sleep(0.05)


def _running_dbt(pid: int) -> bool:
    """Whether a `dbt build` child of the process is running."""
    for child in Path(f"/proc/{pid}/task").glob("*/children"):
        for kid in child.read_text().split():
            cmdline = Path(f"/proc/{kid}/cmdline")
            if cmdline.exists() and b"\x00build\x00" in cmdline.read_bytes():
                return True
    return False


def _kill(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, "the refresh ended before it could be killed"


@pytest.fixture
def samples(warehouse: Paths) -> Paths:
    """GIVEN the bundled sample submissions in the drop folder."""
    shutil.rmtree(warehouse.raw)
    shutil.copytree(REPO_ROOT / "raw", warehouse.raw)
    return warehouse


def test_refresh_publishes_the_plan_and_the_marts(samples: Paths) -> None:
    result = planwatch(samples.warehouse.parent, "refresh")

    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "succeeded" in result.stdout
    _, indicators, _ = _published_version(samples.marts_db)
    assert indicators == 22
    with duckdb.connect(str(samples.build_db), read_only=True) as con:
        seeded = con.execute("select count(*) from reference.projects").fetchone()[0]
    with duckdb.connect(str(samples.marts_db), read_only=True) as con:
        assert con.execute("select count(*) from dim_project").fetchone()[0] == seeded


def test_same_files_give_identical_marts_and_nothing_new_skips_the_rebuild(
    published: Paths,
) -> None:
    site = published.warehouse.parent
    first, digest = _snapshot(published.marts_db), _digest(published.marts_db)

    idle = planwatch(site, "refresh")
    assert idle.returncode == 0, idle.stdout[-3000:]
    assert "rebuild skipped" in idle.stdout
    assert "checked before starting Dagster" in idle.stdout
    assert _digest(published.marts_db) == digest

    forced = planwatch(site, "refresh", "--force")
    assert forced.returncode == 0, forced.stdout[-3000:]
    assert _digest(published.marts_db) != digest
    assert _snapshot(published.marts_db) == first


def test_while_a_refresh_runs_readers_see_whole_versions_and_a_second_refresh_waits_its_turn(
    published: Paths,
) -> None:
    site, first = published.warehouse.parent, _published_version(published.marts_db)
    refresh = _start_after_a_late_file(published)
    _wait_for(lambda: holder(published.refresh_lock) is not None, refresh, "taking the lock")

    second = planwatch(site, "refresh", timeout=120)
    ingest = planwatch(site, "ingest", str(published.raw / "stats" / "late.csv"), "--dept", "stats")
    still_running = refresh.poll() is None
    seen, errors = set(), []
    while refresh.poll() is None:
        try:
            seen.add(_published_version(published.marts_db))
        except duckdb.Error as error:
            errors.append(str(error))
        time.sleep(0.05)
    refresh.wait()
    output = _output(published)
    seen.add(_published_version(published.marts_db))

    assert still_running, "the second refresh did not exit while the first was running"
    for other in (second, ingest):
        assert other.returncode == 75, other.stdout + other.stderr
        assert "Another refresh of this warehouse is running" in other.stderr
        assert "Traceback" not in other.stderr + other.stdout
    assert refresh.returncode == 0, output[-3000:]
    assert errors == []
    assert first in seen and len(seen) == 2
    assert {indicators for _, indicators, _ in seen} == {22}
    assert sorted(values for _, _, values in seen) == [first[2], first[2] + 1]


def test_a_refresh_killed_mid_build_is_shown_interrupted_and_the_next_run_recovers(
    published: Paths,
) -> None:
    site, before = published.warehouse.parent, _digest(published.marts_db)
    refresh = _start_after_a_late_file(published)
    _wait_for(lambda: _running_dbt(refresh.pid), refresh, "dbt started")
    killed = holder(published.refresh_lock)
    time.sleep(2)
    _kill(refresh)

    status = planwatch(site, "status")
    again = planwatch(site, "refresh")
    after = planwatch(site, "status")

    assert _digest(published.marts_db) != before
    assert killed is not None and killed.run_id
    assert f"{killed.run_id} INTERRUPTED" in status.stdout, status.stdout
    assert "STARTED" not in status.stdout
    assert again.returncode == 0, again.stdout[-3000:]
    assert f"last failure:    {killed.run_id}" in after.stdout, after.stdout
    assert list(published.warehouse.glob(".marts-*")) == []


def test_a_refresh_killed_after_publishing_leaves_stale_reports_the_next_plain_refresh_repairs(
    published: Paths,
) -> None:
    site = published.warehouse.parent
    published_at = published.marts_db.stat().st_mtime_ns
    refresh = _start(published, "--force")
    _wait_for(lambda: published.marts_db.stat().st_mtime_ns != published_at, refresh, "publishing")
    _kill(refresh)
    marts = published.marts_db.stat().st_mtime
    (published.reports / "steward-review.html").unlink()
    reports = sorted(p for p in published.reports.iterdir() if p.is_file())
    stale_before = [p.name for p in reports if p.stat().st_mtime < marts]

    repair = planwatch(site, "refresh")

    assert stale_before, "the kill came too late: every report was already re-written"
    assert repair.returncode == 0, repair.stdout[-3000:]
    assert "rebuild skipped" in repair.stdout
    assert "reports/steward-review.html" in repair.stdout
    assert published.marts_db.stat().st_mtime == marts
    written = sorted(p for p in published.reports.iterdir() if p.is_file())
    assert "steward-review.html" in {p.name for p in written}
    assert [p.name for p in written if p.stat().st_mtime < marts] == []
    assert (published.dbt_docs / "index.html").stat().st_mtime >= marts


def test_a_damaged_build_database_never_passes_as_nothing_new(published: Paths) -> None:
    site, before = published.warehouse.parent, _snapshot(published.marts_db)
    os.truncate(published.build_db, 0)

    result = planwatch(site, "refresh")

    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "rebuild: the build database cannot be read" in result.stdout
    assert "rebuild skipped" not in result.stdout
    assert [p.stat().st_size for p in published.warehouse.glob("build.duckdb.damaged-*")] == [0]
    assert set(_snapshot(published.marts_db)) == set(before)
