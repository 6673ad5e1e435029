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

from benchmarks.measures import NOTE, indicator_frame, sector_frame
from benchmarks.submissions import MONTHS, STARTED, plan_projects
from orchestration.intake import store
from orchestration.intake.datasets.registry import RAW_TABLES
from samples.period import BASELINE, END, REGION

RECEIVED = f"timestamp '{END + 1}-01-05 09:00:00'"


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
    return [REGION] + [f"9{n:05d}" for n in range(1, synthetic + 1)]


def _project_keys() -> pd.DataFrame:
    """Every project and month, ordered so that a department's year is one run of keys."""
    projects = plan_projects()
    index = {p.code: i for i, p in enumerate(projects)}
    keys = [
        (p.department, m.year, p.code, m, index[p.code], (m.year - BASELINE) * 12 + m.month)
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
    """Row i reports key i mod 19,368 in revision round i div 19,368; one file per round,
    department and year. Returns the number of keys."""
    keys = _project_keys()
    count = len(keys)
    con.register("project_keys", keys)
    con.execute(
        f"""insert into raw.project_progress by name
        with reports as (
            select
                i // {count} as revision,
                keys.*
            from range({rows}) as t (i)
            inner join project_keys as keys on i % {count} = keys.key_no
        ),

        priced as (
            select
                *,
                10000 + 37 * project_no + revision as total
            from reports
        )

        select
            printf('bench-pp-%05d-%s-%d', revision, department, year) as submission_id,
            department as department_code,
            '重大项目进展' as sheet,
            cast(4 + key_no - first_key as integer) as excel_row,
            project_code,
            report_month,
            'under_construction' as status_code,
            total as total_investment,
            round(total / 80, 1) as period_investment,
            round(total * elapsed / 80, 1) as cumulative_investment,
            date '{STARTED}' as start_date,
            '{NOTE}' as note,
            {RECEIVED} + to_days(cast(revision as integer)) + to_minutes(file_no) as received_at
        from priced"""
    )
    con.unregister("project_keys")
    return count


def _insert_measures(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    con.register("measures", frame)
    columns = ", ".join(RAW_TABLES[table].names)
    con.execute(f"insert into raw.{table} ({columns}) select {columns} from measures")
    con.unregister("measures")


def _log_submissions(con: duckdb.DuckDBPyConnection) -> int:
    """One accepted submission_log row per synthetic file, its row count as rows_accepted."""
    for table in ("project_progress", "indicator_values", "sector_output"):
        con.execute(
            f"""insert into raw.submission_log by name
            select
                submission_id,
                department_code || '/' || submission_id || '.xlsx' as file_path,
                submission_id || '.xlsx' as file_name,
                department_code,
                '{table}' as dataset,
                sha256(submission_id) as sha256,
                1000 * count(*) as size_bytes,
                min(received_at) as received_at,
                'accepted' as status,
                count(*) as rows_received,
                count(*) as rows_accepted,
                0 as rows_quarantined,
                'bench/' || submission_id || '.xlsx' as archive_path,
                min(received_at) as file_mtime
            from raw.{table}
            group by submission_id, department_code"""
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
