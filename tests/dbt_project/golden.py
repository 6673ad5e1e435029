"""The published values of the bundled Meihekou plan that the plan/region change must not alter.

Each golden table is a query over the marts and a CSV under golden/ written by `write` from
the marts `make run` published before the change. Columns that differ between two runs by
construction (submission ids, hashes of them, arrival times) are left out; columns added by
the change are not selected, so they do not count.
"""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal
from pathlib import Path

import duckdb

GOLDEN_DIR = Path(__file__).parent / "golden"
RUN_DEPENDENT = {"indicator_value_id", "sector_output_id", "submission_id", "received_at"}
TABLES: dict[str, tuple[str, list[str]]] = {
    "fct_indicator_progress": ("fct_indicator_progress", ["indicator_code", "region_code", "year"]),
    "rpt_plan_scorecard": ("rpt_plan_scorecard", ["indicator_code"]),
    "fct_sector_output": ("fct_sector_output", ["sector_code", "region_code", "year"]),
    "rpt_project_box_summary": ("rpt_project_box_summary", ["box_no"]),
}


def text(value: object) -> str:
    """One cell as text that compares equal whatever the decimal scale: 83.120000 -> 83.12."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal | float):
        number = Decimal(str(value)).normalize()
        return format(number, "f") if number != 0 else "0"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def golden_columns(name: str) -> list[str]:
    """The columns of one golden CSV, from its header (after the comment lines)."""
    return read(name)[0]


def read(name: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows of golden/<name>.csv, skipping its # comment lines."""
    with (GOLDEN_DIR / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    header, *rows = list(csv.reader(lines))
    return header, rows


def select(con: duckdb.DuckDBPyConnection, name: str, columns: list[str]) -> list[list[str]]:
    """The rows of one golden table in key order, as text, for the given columns."""
    table, key = TABLES[name]
    cursor = con.execute(f"select {', '.join(columns)} from {table} order by {', '.join(key)}")
    return [[text(value) for value in row] for row in cursor.fetchall()]


def write(con: duckdb.DuckDBPyConnection, commit: str) -> None:
    """Write every golden CSV from the marts of `con` (all columns but the run-dependent ones)."""
    GOLDEN_DIR.mkdir(exist_ok=True)
    for name, (table, _key) in TABLES.items():
        described = con.execute(f"describe {table}").fetchall()
        columns = [row[0] for row in described if row[0] not in RUN_DEPENDENT]
        with (GOLDEN_DIR / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            handle.write(
                f"# {table} of the bundled samples, published by `make run` at commit {commit},\n"
                "# before the plan/region change (issue 11); run-dependent ids and times"
                " left out.\n"
            )
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(columns)
            writer.writerows(select(con, name, columns))
