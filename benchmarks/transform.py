"""dbt build time over scaled SYNTHETIC raw data (seeds, models and every data and unit test)."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import duckdb

from benchmarks.measure import timed
from benchmarks.publish import publish_and_read
from benchmarks.raw_data import write_raw
from benchmarks.workspace import workspace
from orchestration.settings import Paths, export_dbt_environment
from orchestration.transform.project import dbt_resource

FACTS = (
    "fct_project_progress",
    "fct_indicator_value",
    "fct_indicator_progress",
    "fct_sector_output",
)


def run_dbt(args: list[str], target: Path) -> float:
    """Run one dbt command into `target` (not the project's own target/); its wall seconds."""
    export_dbt_environment()
    start = time.perf_counter()
    invocation = dbt_resource().cli(args, target_path=target, raise_on_error=False)
    invocation.wait()
    if not invocation.is_successful():
        raise RuntimeError(f"dbt {' '.join(args)} failed: {failures(target)}")
    return time.perf_counter() - start


def _results(target: Path) -> dict[str, Any]:
    return json.loads((target / "run_results.json").read_text("utf-8"))


def failures(target: Path) -> list[str]:
    """The nodes dbt reported as failed or errored in its last run."""
    return [r["unique_id"] for r in _results(target)["results"] if r["status"] in ("error", "fail")]


def slowest(target: Path, count: int = 3) -> dict[str, float]:
    """dbt's own seconds for the slowest nodes of the last run (data tests by name, not hash)."""
    results = _results(target)["results"]
    ranked = sorted(results, key=lambda r: r["execution_time"], reverse=True)[:count]
    names = [r["unique_id"].split(".") for r in ranked]
    return {
        (n[2] if n[0] == "test" else n[-1]): round(r["execution_time"], 2)
        for n, r in zip(names, ranked, strict=True)
    }


def build_at(where: Paths, project_rows: int, target: Path) -> dict[str, Any]:
    """Write raw data of `project_rows` project reports, then time `dbt build` over it."""
    counts, write_seconds = timed(write_raw, where.build_db, project_rows)
    seconds = run_dbt(["build", "--quiet"], target)
    with duckdb.connect(str(where.build_db), read_only=True) as con:
        facts = {t: con.execute(f"select count(*) from marts.{t}").fetchone()[0] for t in FACTS}
    return {
        **counts.__dict__,
        "raw_write_s": round(write_seconds, 2),
        "dbt_build_s": round(seconds, 2),
        "dbt_elapsed_s": round(_results(target)["elapsed_time"], 2),
        "slowest_nodes_s": slowest(target),
        "mart_rows": facts,
        "build_db_mb": round(where.build_db.stat().st_size / 2**20, 1),
    }


def run(project_rows: tuple[int, ...]) -> list[dict[str, Any]]:
    """Parse once, then for each size: fresh raw data, dbt build, publish and read latency."""
    results = []
    with workspace("warehouse") as where:
        target = where.warehouse / "dbt_target"
        parse_seconds = run_dbt(["parse", "--quiet"], target)
        for rows in project_rows:
            for stale in (where.build_db, where.marts_db):
                stale.unlink(missing_ok=True)
                stale.with_name(stale.name + ".wal").unlink(missing_ok=True)
            built = build_at(where, rows, target)
            read = publish_and_read(where)
            results.append({**built, "dbt_parse_s": round(parse_seconds, 2), **read})
    return results
