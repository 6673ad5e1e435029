"""Intake throughput and memory on SYNTHETIC submission files, each scenario in a new process."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import hostile, submissions
from benchmarks.measure import isolated, timed
from benchmarks.workspace import workspace
from orchestration.intake.reading import Limits


def run_in_child(max_rows: int) -> dict[str, Any]:
    """Warm up, time intake on an empty folder (fixed cost), then on the real drop folder."""
    from orchestration.intake.run import run_intake

    limits = Limits(max_rows=max_rows)
    with tempfile.TemporaryDirectory(prefix="planwatch-bench-empty-") as empty:
        run_intake(Path(empty), limits=limits)
        _, setup = timed(run_intake, Path(empty), limits=limits)
    summary, seconds = timed(run_intake, limits=limits)
    return {"setup_s": setup, "seconds": seconds, **summary.__dict__, "reasons": _reasons()}


def _reasons() -> dict[str, int]:
    """How the files of the run were decided: status or rule code -> files."""
    import duckdb

    from orchestration.settings import paths

    with duckdb.connect(str(paths().build_db), read_only=True) as con:
        rows = con.execute(
            "select coalesce(reason_codes, status), count(*) from raw.submission_log group by 1"
        ).fetchall()
    return dict(rows)


def scenario(name: str, write: Callable[[Path], int], max_rows: int) -> dict[str, Any]:
    """Write the files with write(raw) -> data rows, then measure intake of them in a child."""
    with workspace(f"intake-{name}") as where:
        written, generate_seconds = timed(write, where.raw)
        measured = isolated(run_in_child, max_rows)
    files, rows = measured["files"], measured["rows"]
    handled = files["seen"] - files.get("unchanged", 0)
    work = max(measured["seconds"] - measured["setup_s"], 1e-6)
    data_rows = sum(rows.get(t, 0) for t in ("project_progress", "indicator_values"))
    return {
        "scenario": name,
        "rows_in_files": written,
        "generate_s": round(generate_seconds, 2),
        "intake_s": round(measured["seconds"], 2),
        "setup_s": round(measured["setup_s"], 2),
        "files": dict(files),
        "rows_written": dict(rows),
        "files_per_s": round(handled / work, 2),
        "rows_per_s": round(data_rows / work),
        "peak_rss_mb": measured["peak_rss_mb"],
        "row_limit": max_rows,
        "reasons": measured["reasons"],
    }


def run_hostile(
    scale: float, row_limit: int, names: tuple[str, ...] | None = None
) -> list[dict[str, Any]]:
    """Each hostile workbook alone in a drop folder, and the plain small workbook to compare
    with (all of them, or those named): seconds and peak RSS of intake deciding it, and how
    it was decided."""
    found = []
    for name, members in hostile.cases(scale).items():
        if names is not None and name not in names:
            continue
        written: dict[str, int] = {}

        def write(
            raw: Path, n: str = name, m: hostile.Members = members, into: dict = written
        ) -> int:
            into["bytes"] = hostile.write(raw / "stats" / f"{n}.xlsx", m).stat().st_size
            return len(hostile.ROWS)

        result = scenario(f"hostile:{name}", write, row_limit)
        found.append({**result, "file_kb": round(written["bytes"] / 1024, 1)})
    return found


def run(
    files: int, large_rows: int, row_limit: int, hostile_scale: float = 1.0
) -> list[dict[str, Any]]:
    """The intake scenarios: empty folder, many files, the largest valid file, the row limit,
    then the hostile workbooks against a plain one."""
    return [
        scenario("empty_drop_folder", lambda raw: 0, row_limit),
        scenario("many_files", lambda raw: submissions.many_files(raw, files), row_limit),
        scenario("largest_valid_file", lambda raw: write_large(raw, large_rows), row_limit),
        scenario("at_row_limit", lambda raw: write_large(raw, row_limit - 10), row_limit),
        scenario("over_row_limit", lambda raw: write_large(raw, 2 * row_limit), row_limit),
        *run_hostile(hostile_scale, row_limit),
    ]


def write_large(raw: Path, rows: int) -> int:
    """One large project-progress workbook; its data rows."""
    submissions.large_file(raw, rows)
    return rows
