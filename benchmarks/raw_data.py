"""SYNTHETIC raw tables at scale, written straight into build.duckdb (the intake contract).

Project progress carries no region (raw.project_progress has no region_code column; the
fact takes the plan region), so its rows scale by report month and revision of the plan's
real projects: 269 projects × 72 months (2020–2025) are 19,368 keys, and every further
19,368 rows are one more revision round. Indicator values and sector output do carry a
region: they scale by synthetic regions (codes 9xxxxx, not real divisions) beside 220581.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from benchmarks.measures import indicator_frame, sector_frame
from benchmarks.submissions import MONTHS, STARTED, plan_projects
from orchestration.intake import store
from orchestration.settings import DEFAULT_REGION

RECEIVED = "timestamp '2026-01-05 09:00:00'"
NOTE = "合成基准数据 synthetic benchmark row"


@dataclass(frozen=True)
class RawCounts:
    """Rows written per raw table, and the regions the regional tables span."""

    project_progress: int
    indicator_values: int
    sector_output: int
    submissions: int
    regions: int
    project_keys: int


def regions_for(project_rows: int) -> list[str]:
    """The plan region plus one synthetic region per 1,000 project rows (at most 2,800)."""
    synthetic = min(project_rows // 1000, 2800)
    return [DEFAULT_REGION] + [f"9{n:05d}" for n in range(1, synthetic + 1)]


def _project_keys() -> pd.DataFrame:
    """Every project and month, ordered so that a department's year is one run of keys."""
    projects = plan_projects()
    index = {p.code: i for i, p in enumerate(projects)}
    keys = [
        (p.department, m.year, p.code, m, index[p.code], (m.year - 2020) * 12 + m.month)
        for p in projects
        for m in MONTHS
    ]
    keys.sort(key=lambda k: (k[0], k[1], k[2], k[3]))
    columns = ["department", "year", "project_code", "report_month", "project_no", "elapsed"]
    frame = pd.DataFrame(keys, columns=columns)
    frame["key_no"] = range(len(frame))
    frame["file_no"] = frame.groupby(["department", "year"]).ngroup()
    frame["first_key"] = frame.groupby("file_no")["key_no"].transform("min")
    return frame


def _insert_projects(con: duckdb.DuckDBPyConnection, rows: int) -> int:
    keys = _project_keys()
    con.register("project_keys", keys)
    count = len(keys)
    con.execute(
        f"""insert into raw.project_progress
        select
            printf('bench-pp-%05d-%s-%d', i // {count}, k.department, k.year),
            k.department, '重大项目进展', cast(4 + k.key_no - k.first_key as integer),
            k.project_code, k.report_month, 'under_construction',
            10000 + 37 * k.project_no + i // {count},
            round((10000 + 37 * k.project_no + i // {count}) / 80, 1),
            round((10000 + 37 * k.project_no + i // {count}) * k.elapsed / 80, 1),
            date '{STARTED}', null, '{NOTE}',
            {RECEIVED} + to_days(cast(i // {count} as integer)) + to_minutes(k.file_no)
        from range({rows}) as t(i)
        inner join project_keys as k on k.key_no = i % {count}"""
    )
    con.unregister("project_keys")
    return count


def _insert_measures(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    con.register("measures", frame)
    columns = ", ".join(store.COLUMNS[table])
    con.execute(f"insert into raw.{table} ({columns}) select {columns} from measures")
    con.unregister("measures")


def _log_submissions(con: duckdb.DuckDBPyConnection) -> int:
    """One accepted submission_log row per synthetic file, its row count as rows_accepted."""
    for table in ("project_progress", "indicator_values", "sector_output"):
        con.execute(
            f"""insert into raw.submission_log
            select submission_id, department_code || '/' || submission_id || '.xlsx',
                submission_id || '.xlsx', department_code, '{table}', sha256(submission_id),
                1000 * count(*), min(received_at), 'accepted', count(*), count(*), 0,
                null, null, 'bench/' || submission_id || '.xlsx', null, min(received_at), null
            from raw.{table} group by submission_id, department_code"""
        )
    return con.execute("select count(*) from raw.submission_log").fetchone()[0]


def write_raw(build_db: Path, project_rows: int) -> RawCounts:
    """Create build.duckdb's raw tables and fill them with `project_rows` project reports."""
    regions = regions_for(project_rows)
    indicators, sectors = indicator_frame(regions), sector_frame(regions)
    con = store.connect(build_db)
    try:
        keys = _insert_projects(con, project_rows)
        _insert_measures(con, "indicator_values", indicators)
        _insert_measures(con, "sector_output", sectors)
        submissions = _log_submissions(con)
    finally:
        con.close()
    return RawCounts(project_rows, len(indicators), len(sectors), submissions, len(regions), keys)
