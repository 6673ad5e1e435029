"""The raw schema in build.duckdb: tables, look-ups, and one transaction per submitted file."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from orchestration.intake.datasets.registry import DATASETS, RAW_TABLES
from orchestration.intake.frames import History

# A file rejected for where it was dropped or for a fault of intake itself does not make
# later copies of the same bytes duplicates: moved to the right folder, it is read again.
NOT_CONTENT_RULES = ("unknown_department", "no_department_folder", "internal_error")


def connect(database: Path) -> duckdb.DuckDBPyConnection:
    """Open build.duckdb (creating it and the raw tables if needed)."""
    database.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(database))
    con.execute("create schema if not exists raw")
    for name, table in RAW_TABLES.items():
        con.execute(f"create table if not exists raw.{name} ({table.ddl})")
    return con


def already_logged(con: duckdb.DuckDBPyConnection, path: str, size: int, mtime: Any) -> bool:
    """True when this exact file event (path, size, modification time) was handled before."""
    row = con.execute(
        """select 1 from raw.submission_log
           where file_path = ? and size_bytes = ? and file_mtime = ?""",
        [path, size, mtime],
    ).fetchone()
    return row is not None


def latest_receipt(con: duckdb.DuckDBPyConnection) -> dt.datetime | None:
    """The latest received_at logged, so receive times keep increasing run after run."""
    return con.execute("select max(received_at) from raw.submission_log").fetchone()[0]


def original_of(con: duckdb.DuckDBPyConnection, sha256: str) -> tuple[str, str, str | None] | None:
    """The first accepted or rejected submission with these bytes: id, status, dataset."""
    return con.execute(
        """select submission_id, status, dataset from raw.submission_log
           where sha256 = ? and status in ('accepted', 'rejected')
             and coalesce(reason_codes, '') not in (select unnest(?))
           order by received_at, submission_id limit 1""",
        [sha256, list(NOT_CONTENT_RULES)],
    ).fetchone()


def history(con: duckdb.DuckDBPyConnection, dataset: str) -> History:
    """Current accepted values (latest revision) per key, to compare a new year against."""
    spec = DATASETS[dataset]
    if spec.measure is None:
        return {}
    code, measure = spec.measure
    rows = con.execute(
        f"""select {code}, region_code, year, {measure} from raw.{spec.table.name}
            qualify row_number() over (partition by {code}, region_code, year
                                       order by received_at desc, submission_id desc) = 1"""
    ).fetchall()
    return {(c, r, y): v for c, r, y, v in rows}


def counts(con: duckdb.DuckDBPyConnection) -> Counter[str]:
    """Rows per raw table now."""
    return Counter(
        {t: con.execute(f"select count(*) from raw.{t}").fetchone()[0] for t in RAW_TABLES}
    )


def insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    """Append rows (dicts keyed by column) to raw.<table>, casting text to the column types."""
    if not rows:
        return
    columns, types = RAW_TABLES[table].names, RAW_TABLES[table].types
    frame = pd.DataFrame(
        [[None if r.get(c) is None else str(r[c]) for c in columns] for r in rows],
        columns=columns,
        dtype=object,
    )
    casts = ", ".join(f"cast({c} as {types[c]})" for c in columns)
    con.register("incoming", frame)
    try:
        con.execute(f"insert into raw.{table} ({', '.join(columns)}) select {casts} from incoming")
    finally:
        con.unregister("incoming")


def write_submission(
    con: duckdb.DuckDBPyConnection, tables: dict[str, list[dict[str, Any]]]
) -> None:
    """Write one file's rows to every table in one transaction: all of it or none of it."""
    con.execute("begin transaction")
    try:
        for table, rows in tables.items():
            insert(con, table, rows)
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
