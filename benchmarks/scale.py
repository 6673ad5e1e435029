"""`python -m benchmarks scale --regions N`: the real refresh over a SYNTHETIC nation, measured.

Stages, each its own process so that its peak RSS (summed over its process tree, sampled
every 0.1 s from /proc) is its own: the generator; `planwatch refresh` (intake, dbt build,
GX audit, publish, reports) over the whole drop folder; the same refresh again with nothing
new; the bare baselines of the same run (a bare `dbt build` of the same project copy over a
copy of the same raw layer, the bare DuckDB SQL script benchmarks/bare_duckdb.sql over
another copy, and a bare DuckDB bulk load of the same CSV files' rows); then one new month
of project progress for every region and a second refresh (the incremental case), and a
`dbt build --full-refresh` of a copy of its raw layer whose marts must equal the
incremental ones (content digests).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import duckdb

from benchmarks import nation
from benchmarks.measure import machine, timed
from benchmarks.nation import Nation
from benchmarks.report import table
from benchmarks.workspace import workspace
from orchestration.settings import Paths, paths

SAMPLE_S = 0.1
STEP = re.compile(r"^(\S+ \S+ \S+) - dagster - \w+ - \S+ - \S+ - \d+ - (\S+) - (STEP_\w+) - ")
LOAD_SQL = """
create table {table} as
select * from read_csv('{glob}', skip = 1, header = true, all_varchar = true,
                       union_by_name = true, filename = true)
"""
GLOBS = {
    "project_progress": "*/*/重大项目进展_*.csv",
    "indicator_values": "*/*/指标_*.csv",
    "sector_output": "*/*/产业产值_*.csv",
}


def _tree_rss_kib(pid: int) -> int:
    """Resident KiB of a process and all its descendants (0 once it has gone)."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(int(x.split()[1]) for x in status.splitlines() if x.startswith("VmRSS"))
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total


def stage(command: list[str], env: dict[str, str], *, check: bool = True) -> dict[str, Any]:
    """Run one command; its wall seconds, peak process-tree RSS (MiB), exit code, and the
    critical failures it printed. A refresh whose audit fails (`check=False`) is still measured."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    peak = [0]

    def sample() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], _tree_rss_kib(process.pid))
            time.sleep(SAMPLE_S)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = process.communicate()
    seconds = time.perf_counter() - start
    sampler.join()
    text = output.decode("utf-8", "replace")
    if check and process.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command[:4])} failed ({process.returncode}):\n{text[-4000:]}"
        )
    critical = [line.strip() for line in text.splitlines() if "failed (critical)" in line]
    return {
        "s": round(seconds, 2),
        "peak_rss_mb": round(peak[0] / 1024, 1),
        "exit_code": process.returncode,
        "critical_failures": critical,
    }


def step_seconds(log: str) -> dict[str, float]:
    """Seconds per Dagster step of a refresh, from its log's STEP_START and STEP_SUCCESS or
    STEP_FAILURE lines (the log's timestamps are to the second)."""
    started: dict[str, dt.datetime] = {}
    seconds: dict[str, float] = {}
    for line in log.splitlines():
        found = STEP.match(line)
        if not found:
            continue
        when = dt.datetime.strptime(found[1], "%Y-%m-%d %H:%M:%S %z")
        if found[3] == "STEP_START":
            started[found[2]] = when
        elif found[3] in ("STEP_SUCCESS", "STEP_FAILURE") and found[2] in started:
            seconds[found[2]] = (when - started[found[2]]).total_seconds()
    return seconds


def _refresh(command: list[str], env: dict[str, str], where: Paths) -> dict[str, Any]:
    """One refresh, measured, with the seconds of each of its steps from the newest log."""
    before = set(where.logs.glob("refresh-*.log")) if where.logs.exists() else set()
    measured = stage(command, env, check=False)
    logs = sorted(set(where.logs.glob("refresh-*.log")) - before)
    measured["steps_s"] = step_seconds(logs[-1].read_text("utf-8")) if logs else {}
    return measured


def _environment(where: Paths, built: Nation) -> dict[str, str]:
    env = {
        **os.environ,
        "PLANWATCH_HOME": str(where.warehouse),
        "PLANWATCH_RAW": str(built.raw),
        "PLANWATCH_DBT_PROJECT": str(built.project),
        "PLANWATCH_BUILD_DB": str(where.build_db),
    }
    env.pop("DAGSTER_HOME", None)
    return env


def _built(where: Paths) -> dict[str, Any]:
    """Files by status and fact rows in the marts schema of build.duckdb (built, whether or
    not the audit let them be published)."""
    with duckdb.connect(str(where.build_db), read_only=True) as con:
        files = dict(
            con.execute("select status, count(*) from marts.submission_log group by 1").fetchall()
        )
        facts = {
            t: con.execute(f"select count(*) from marts.{t}").fetchone()[0]
            for t in ("fct_project_progress", "fct_indicator_value", "fct_sector_output")
        }
    return {"files_by_status": files, "mart_rows": facts}


def _raw_rows(build_db: Path) -> dict[str, int]:
    with duckdb.connect(str(build_db), read_only=True) as con:
        return {
            t: con.execute(f"select count(*) from raw.{t}").fetchone()[0]
            for t in ("project_progress", "indicator_values", "sector_output", "submission_log")
        }


def marts_digests(database: Path) -> dict[str, str]:
    """Content digest of every table dbt built in the marts schema (row order ignored)."""
    with duckdb.connect(str(database), read_only=True) as con:
        tables = [
            r[0]
            for r in con.execute(
                "select table_name from duckdb_tables() where schema_name = 'marts' order by 1"
            ).fetchall()
        ]
        return {
            t: con.execute(
                f"select count(*) || ':' || coalesce(md5(string_agg(r, chr(10) order by r)), '') "
                f"from (select cast(x as varchar) as r from marts.{t} as x)"
            ).fetchone()[0]
            for t in tables
        }


def bulk_load_script(raw: Path, database: Path) -> str:
    """The bare DuckDB baseline: every submitted CSV file's rows read into one table each."""
    statements = [
        LOAD_SQL.format(table=t, glob=str(raw / g).replace("'", "''")) for t, g in GLOBS.items()
    ]
    return (
        "import duckdb, json\n"
        f"con = duckdb.connect({str(database)!r})\n"
        + "".join(f"con.execute({s!r})\n" for s in statements)
        + "print(json.dumps({t: con.execute(f'select count(*) from {t}').fetchone()[0] "
        f"for t in {list(GLOBS)!r}}}))\n"
    )


def run(counties: int, seed: int) -> dict[str, Any]:
    """Generate, refresh, baseline, add a month, refresh again; the figures of each stage."""
    results: dict[str, Any] = {"regions": counties, "seed": seed, "machine": machine()}
    with workspace(f"scale-{counties}") as where:
        root = where.warehouse.parent
        built, generate_s = timed(nation.generate, root / "nation", counties, seed)
        env = _environment(where, built)
        refresh = [sys.executable, "-m", "orchestration.cli", "refresh"]
        stages: dict[str, Any] = {"generate": {"s": round(generate_s, 2)}}
        stages["refresh_full"] = _refresh(refresh, env, where)
        stages["refresh_nothing_new"] = stage(refresh, env, check=False)
        raw_rows = _raw_rows(where.build_db)
        published = _built(where)
        where_published = where.marts_db.exists()

        baseline = root / "baseline"
        baseline.mkdir()
        shutil.copy2(where.build_db, baseline / "build.duckdb")
        shutil.copy2(where.build_db, baseline / "sql_baseline.duckdb")
        dbt = str(Path(sys.executable).parent / "dbt")
        project = str(built.project)
        stages["bare_dbt_build"] = stage(
            [dbt, "build", "--quiet", "--full-refresh", "--project-dir", project,
             "--profiles-dir", project, "--target-path", str(baseline / "target")],
            {**env, "PLANWATCH_BUILD_DB": str(baseline / "build.duckdb")},
        )  # fmt: skip
        stages["bare_duckdb"] = stage(
            [sys.executable, "-m", "benchmarks.bare_duckdb", str(baseline / "sql_baseline.duckdb"),
             str(built.project / "seeds")],
            env,
        )  # fmt: skip
        script = bulk_load_script(built.raw, baseline / "bulk.duckdb")
        stages["bare_duckdb_load"] = stage([sys.executable, "-c", script], env)

        added_files, added_rows = nation.add_month(built, seed)
        stages["refresh_new_month"] = _refresh(refresh, env, where)
        after = _built(where)
        rebuilt = root / "rebuilt"
        rebuilt.mkdir()
        shutil.copy2(where.build_db, rebuilt / "build.duckdb")
        stages["dbt_full_refresh_after_month"] = stage(
            [dbt, "build", "--quiet", "--full-refresh", "--project-dir", project,
             "--profiles-dir", project, "--target-path", str(rebuilt / "target")],
            {**env, "PLANWATCH_BUILD_DB": str(rebuilt / "build.duckdb")},
            check=False,
        )  # fmt: skip
        incremental, full_digests = (
            marts_digests(where.build_db),
            marts_digests(rebuilt / "build.duckdb"),
        )
    differing = sorted(t for t in full_digests if incremental.get(t) != full_digests[t])
    full = stages["refresh_full"]
    intake_s = full.get("steps_s", {}).get("intake")
    rows_in = sum(raw_rows[t] for t in ("project_progress", "indicator_values", "sector_output"))
    files = sum(published["files_by_status"].values())
    build_s = round(full["s"] - (intake_s or 0), 2)
    month = stages["refresh_new_month"]
    month_build_s = round(month["s"] - month.get("steps_s", {}).get("intake", 0), 2)
    results.update(
        {
            "label": nation.LABEL,
            "generated_files": built.files,
            "generated_rows": built.rows,
            "raw_rows": raw_rows,
            "project_rows": raw_rows["project_progress"],
            "indicator_rows": raw_rows["indicator_values"],
            "sector_rows": raw_rows["sector_output"],
            "built": published,
            "published": where_published,
            "new_month": {"files": added_files, "rows": added_rows, "built": after},
            "stages": stages,
            "refresh_with_intake_s": full["s"],
            "full_refresh_s": build_s,
            "bare_dbt_build_s": stages["bare_dbt_build"]["s"],
            "bare_duckdb_s": stages["bare_duckdb"]["s"],
            "bare_duckdb_load_s": stages["bare_duckdb_load"]["s"],
            "incremental_month_s": month_build_s,
            "nothing_new_s": stages["refresh_nothing_new"]["s"],
            "intake_s": intake_s,
            "intake_files_per_s": round(files / intake_s, 1) if intake_s else None,
            "intake_rows_per_s": round(rows_in / intake_s) if intake_s else None,
            "full_refresh_vs_bare_duckdb": round(build_s / stages["bare_duckdb"]["s"], 2),
            "refresh_vs_bare_dbt": round(full["s"] / stages["bare_dbt_build"]["s"], 2),
            "incremental_vs_full": round(month_build_s / build_s, 2) if build_s else None,
            "full_equals_incremental": not differing and bool(full_digests),
            "marts_differing": differing,
            "peak_rss_mb": max(s.get("peak_rss_mb", 0) for s in stages.values()),
        }
    )
    return results


def render(results: dict[str, Any]) -> str:
    """The stage table a person reads after a run."""
    full = results["refresh_with_intake_s"]
    rows = [
        [name, s["s"], s.get("peak_rss_mb", "-"), round(s["s"] / full, 2)]
        for name, s in results["stages"].items()
    ]
    m = results["machine"]
    head = (
        f"scale benchmark (SYNTHETIC nation): {results['regions']} counties, seed "
        f"{results['seed']}; {m['cpus']} CPUs, load {m['load_average_1m']}\n"
        f"raw rows: project {results['project_rows']:,}, indicator "
        f"{results['indicator_rows']:,}, sector {results['sector_rows']:,}; files "
        f"{results['built']['files_by_status']}; published: {results['published']}; new month: "
        f"{results['new_month']['files']} files, {results['new_month']['rows']:,} rows\n"
        f"full_refresh_s (without intake) {results['full_refresh_s']}, bare_duckdb_s "
        f"{results['bare_duckdb_s']}, incremental_month_s {results['incremental_month_s']}, "
        f"nothing new {results['nothing_new_s']} s; intake {results['intake_files_per_s']} "
        f"files/s, {results['intake_rows_per_s']} rows/s; full_equals_incremental "
        f"{results['full_equals_incremental']}"
    )
    failed = [f"{n}: {line}" for n, s in results["stages"].items()
              for line in s.get("critical_failures", [])]  # fmt: skip
    stages = table(["stage", "wall s", "peak RSS MB", "÷ full refresh"], rows)
    steps = [
        f"{n} steps: " + ", ".join(f"{k} {v:g} s" for k, v in s["steps_s"].items())
        for n, s in results["stages"].items()
        if s.get("steps_s")
    ]
    parts = [
        head,
        stages,
        "\n".join(steps),
        "\n".join(["critical audit failures:", *failed] if failed else []),
    ]
    return "\n\n".join(part for part in parts if part)


def write_json(results: dict[str, Any], folder: Path | None = None) -> Path:
    """warehouse/bench/scale-<N>.json (of the repository's warehouse, not the workspace's)."""
    folder = folder or paths().warehouse / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"scale-{results['regions']}.json"
    path.write_text(json.dumps(results, ensure_ascii=False, indent=2, default=str), "utf-8")
    return path
