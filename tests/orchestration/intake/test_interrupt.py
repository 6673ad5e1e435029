"""An intake run that dies midway loses and duplicates nothing once it is run again."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from intake_support import INDICATOR_HEADER, PROJECT_HEADER, Drop

from orchestration.intake import store

TABLES = (
    "submission_log",
    "quarantine",
    "submission_warning",
    "indicator_values",
    "project_progress",
)
VOLATILE = {"submission_id", "received_at", "file_mtime", "duplicate_of", "reasons", "warnings"}


def fill(drop: Drop) -> None:
    """Six files: accepted, rejected, a byte copy, more accepted ones."""
    drop.csv("stats/1.csv", "指标代码,年份,数值\nI01,2021,330\nI02,2021,52000\n")
    drop.csv("stats/2.csv", "指标代码,年份,数值\nI01,2031,330\n")
    drop.put("stats/3.csv", (drop.raw / "stats/1.csv").read_bytes())
    drop.xlsx(
        "drc/4.xlsx", ("p", [PROJECT_HEADER, ["B08-P001", None, "2023-05", "在建", 500, 10, 20]])
    )
    drop.xlsx("stats/5.xlsx", ("s", [INDICATOR_HEADER, ["I03", None, 2021, 55, None, "=x"]]))
    drop.csv("stats/6.csv", "指标代码,年份,数值\nI04,2021,20.1\n")


def snapshot(drop: Drop) -> dict[str, list[tuple[Any, ...]]]:
    """Every raw table without the columns that differ between runs (ids, clock times)."""
    found = {}
    for table in TABLES:
        rows = drop.table(table)
        found[table] = sorted(
            tuple((k, str(v)) for k, v in row.items() if k not in VOLATILE) for row in rows
        )
    return found


@pytest.fixture
def clean(
    tmp_path_factory: pytest.TempPathFactory, seeds: Path, monkeypatch: pytest.MonkeyPatch
) -> dict[str, list[tuple[Any, ...]]]:
    """What one uninterrupted run over the same six files writes."""
    reference = Drop(tmp_path_factory.mktemp("clean"), seeds)
    with monkeypatch.context() as patch:
        patch.setenv("PLANWATCH_RAW", str(reference.raw))
        patch.setenv("PLANWATCH_HOME", str(reference.home))
        fill(reference)
        reference.run()
        return snapshot(reference)


def test_exception_inside_a_files_transaction_then_rerun(
    drop: Drop, clean: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GIVEN intake crashes while writing the 5th file (after its data rows, before its log row)
    WHEN intake runs again THEN the tables equal those of one clean run."""
    fill(drop)
    real_insert, calls = store.insert, {"log": 0}

    def failing_insert(con: Any, table: str, rows: list[dict[str, Any]]) -> None:
        if table == "submission_log":
            calls["log"] += 1
            if calls["log"] == 5:
                raise KeyboardInterrupt("operator pressed Ctrl-C mid-file")
        real_insert(con, table, rows)

    monkeypatch.setattr(store, "insert", failing_insert)
    with pytest.raises(KeyboardInterrupt):
        drop.run()
    assert len(drop.table("submission_log")) == 4
    assert [r["indicator_code"] for r in drop.table("indicator_values")] == ["I01", "I02"]

    monkeypatch.setattr(store, "insert", real_insert)
    drop.run()

    assert snapshot(drop) == clean


def test_killed_process_then_rerun(drop: Drop, clean: dict, seeds: Path) -> None:
    """GIVEN the intake process is killed (os._exit, no clean-up) inside the 5th file's
    transaction WHEN intake runs again THEN nothing is lost and nothing is doubled."""
    fill(drop)
    script = textwrap.dedent(
        f"""
        import os
        from pathlib import Path
        from orchestration.intake import store
        from orchestration.intake.run import run_intake
        real, seen = store.insert, []
        def insert(con, table, rows):
            real(con, table, rows)
            seen.append(table)
            if seen.count("submission_log") == 4 and table == "quarantine":
                os._exit(9)
        store.insert = insert
        run_intake(seeds_dir=Path({str(seeds)!r}))
        """
    )
    env = {**os.environ, "PLANWATCH_RAW": str(drop.raw), "PLANWATCH_HOME": str(drop.home)}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, timeout=300)
    assert done.returncode == 9, done.stderr.decode()[-2000:]
    assert len(drop.table("submission_log")) == 4

    drop.run()

    assert snapshot(drop) == clean
