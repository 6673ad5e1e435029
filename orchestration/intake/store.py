"""The raw schema in build.duckdb: tables, look-ups, and one transaction per submitted file."""

from __future__ import annotations

import contextlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from orchestration.intake.datasets.registry import DATASETS, RAW_TABLES
from orchestration.intake.frames import History

# A file rejected for where it was dropped or for a fault of intake itself does not make
# later copies of the same bytes duplicates: moved to the right folder, it is read again.
NOT_CONTENT_RULES = (
    "unknown_department",
    "unknown_region_folder",
    "reserved_folder",
    "no_department_folder",
    "internal_error",
)
# Faults of the machine or of DuckDB itself, never of one file's rows.
SYSTEMIC = (
    duckdb.IOException,
    duckdb.FatalException,
    duckdb.InternalException,
    duckdb.OutOfMemoryException,
    duckdb.InterruptException,
)
INCOMING = "incoming"


@dataclass(frozen=True)
class Cell:
    """A value a raw column cannot hold: its table, column, row (as written) and text."""

    table: str
    column: str
    column_type: str
    row: dict[str, Any]
    value: str


class NotStored(Exception):
    """A file's rows could not be written (nothing of them was); cell says which, if known."""

    def __init__(self, cause: Exception, cell: Cell | None) -> None:
        super().__init__(f"{type(cause).__name__}: {cause}")
        self.cause, self.cell = cause, cell


def connect(database: Path) -> duckdb.DuckDBPyConnection:
    """Open build.duckdb (creating it and the raw tables if needed)."""
    database.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(database))
    create_tables(con)
    return con


def create_tables(con: duckdb.DuckDBPyConnection) -> None:
    """The raw schema and every raw table, where missing."""
    con.execute("create schema if not exists raw")
    for name, table in RAW_TABLES.items():
        con.execute(f"create table if not exists raw.{name} ({table.ddl})")


def missing_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Raw tables that do not exist (or lack a column intake writes)."""
    found: dict[str, set[str]] = {}
    for table, column in con.execute(
        "select table_name, column_name from duckdb_columns() where schema_name = 'raw'"
    ).fetchall():
        found.setdefault(table, set()).add(column)
    return [n for n, t in RAW_TABLES.items() if not set(t.names) <= found.get(n, set())]


def has_log(con: duckdb.DuckDBPyConnection) -> bool:
    """True when raw.submission_log exists and holds a row."""
    exists = con.execute(
        """select count(*) from duckdb_tables()
           where schema_name = 'raw' and table_name = 'submission_log'"""
    ).fetchone()[0]
    return bool(exists) and con.execute("select count(*) from raw.submission_log").fetchone()[0] > 0


def add_missing_columns(con: duckdb.DuckDBPyConnection) -> None:
    """Bring the raw tables of a build database from an older version to today's shape: a
    table that lacks a column is rebuilt with every column in today's order, its rows kept."""
    create_tables(con)
    for name, table in RAW_TABLES.items():
        present = [
            row[0]
            for row in con.execute(
                """select column_name from duckdb_columns()
                   where schema_name = 'raw' and table_name = ? order by column_index""",
                [name],
            ).fetchall()
        ]
        if present == list(table.names):
            continue
        kept = ", ".join(c for c in table.names if c in present)
        con.execute("begin transaction")
        try:
            con.execute(f"alter table raw.{name} rename to {name}__older")
            con.execute(f"create table raw.{name} ({table.ddl})")
            con.execute(f"insert into raw.{name} ({kept}) select {kept} from raw.{name}__older")
            con.execute(f"drop table raw.{name}__older")
            con.execute("commit")
        except BaseException:
            con.execute("rollback")
            raise


def reset(con: duckdb.DuckDBPyConnection) -> None:
    """Empty the raw layer (drop and create every raw table) in one transaction."""
    con.execute("begin transaction")
    try:
        for name in RAW_TABLES:
            con.execute(f"drop table if exists raw.{name}")
        create_tables(con)
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise


def read_everything(con: duckdb.DuckDBPyConnection) -> None:
    """Read every value of every raw table, so a damaged page shows up now, not in dbt."""
    for name in RAW_TABLES:
        con.execute(f"select bit_xor(hash(columns(*))) from raw.{name}").fetchall()


def logged(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[Any, ...]]:
    """submission_id -> (received_at, sha256, file_path, status, dataset, reason_codes)."""
    rows = con.execute(
        """select submission_id, received_at, sha256, file_path, status, dataset, reason_codes
           from raw.submission_log"""
    ).fetchall()
    return {row[0]: tuple(row[1:]) for row in rows}


def action_ids(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Every steward action written to the raw layer."""
    return {row[0] for row in con.execute("select action_id from raw.steward_action").fetchall()}


def row_count_problems(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Where the rows of the raw tables do not add up to what submission_log says they hold."""
    problems = []
    for dataset, spec in DATASETS.items():
        logged_rows, stored = con.execute(
            f"""select
                  (select coalesce(sum(rows_accepted), 0) from raw.submission_log
                   where status = 'accepted' and dataset = ?),
                  (select count(*) from raw.{spec.table.name})""",
            [dataset],
        ).fetchone()
        if logged_rows != stored:
            problems.append(f"raw.{spec.table.name} has {stored} rows, the log {logged_rows}")
    logged_rows, stored = con.execute(
        """select (select coalesce(sum(rows_quarantined), 0) from raw.submission_log),
                  (select count(distinct (submission_id, sheet, excel_row)) from raw.quarantine)"""
    ).fetchone()
    if logged_rows != stored:
        problems.append(f"raw.quarantine has {stored} rows, the log {logged_rows}")
    return problems


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
    """Current accepted values (latest revision not withdrawn) per key, to compare a year with."""
    spec = DATASETS[dataset]
    if spec.measure is None:
        return {}
    code, measure = spec.measure
    rows = con.execute(
        f"""select {code}, region_code, year, {measure} from raw.{spec.table.name}
            where submission_id not in
                (select submission_id from raw.steward_action where action = 'withdraw')
            qualify row_number() over (partition by {code}, region_code, year
                                       order by received_at desc, submission_id desc) = 1"""
    ).fetchall()
    return {(c, r, y): v for c, r, y, v in rows}


def counts(con: duckdb.DuckDBPyConnection) -> Counter[str]:
    """Rows per raw table now."""
    return Counter(
        {t: con.execute(f"select count(*) from raw.{t}").fetchone()[0] for t in RAW_TABLES}
    )


def as_text(table: str, rows: list[dict[str, Any]]) -> list[dict[str, str | None]]:
    """Rows as the text DuckDB casts to the column types (the form intake writes and keeps)."""
    columns = RAW_TABLES[table].names
    return [{c: None if r.get(c) is None else str(r[c]) for c in columns} for r in rows]


def _frame(table: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The rows as text, one column per raw column, for DuckDB to cast."""
    columns = RAW_TABLES[table].names
    return pd.DataFrame(
        [[row[c] for c in columns] for row in as_text(table, rows)], columns=columns, dtype=object
    )


def export(con: duckdb.DuckDBPyConnection, submission_id: str) -> dict[str, list[dict[str, Any]]]:
    """Every row the raw layer holds for one submission, by table (the log row last)."""
    tables: dict[str, list[dict[str, Any]]] = {}
    for name in [t for t in RAW_TABLES if t not in ("submission_log", "steward_action")] + [
        "submission_log"
    ]:
        cursor = con.execute(f"select * from raw.{name} where submission_id = ?", [submission_id])
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        tables[name] = as_text(name, rows)
    return tables


def insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    """Append rows (dicts keyed by column) to raw.<table>, casting text to the column types."""
    if not rows:
        return
    columns, types = RAW_TABLES[table].names, RAW_TABLES[table].types
    casts = ", ".join(f"cast({c} as {types[c]})" for c in columns)
    con.register(INCOMING, _frame(table, rows))
    con.execute(f"insert into raw.{table} ({', '.join(columns)}) select {casts} from {INCOMING}")
    con.unregister(INCOMING)


def unstorable(
    con: duckdb.DuckDBPyConnection, tables: dict[str, list[dict[str, Any]]]
) -> Cell | None:
    """The first value (table by table, column by column) its raw column cannot hold."""
    for table, rows in tables.items():
        if not rows:
            continue
        con.register(INCOMING, _frame(table, rows).reset_index(names="row_index"))
        try:
            for column, kind in RAW_TABLES[table].columns:
                found = con.execute(
                    f"""select row_index, {column} from {INCOMING}
                        where {column} is not null and try_cast({column} as {kind}) is null
                        order by row_index limit 1"""
                ).fetchall()
                if found:
                    return Cell(table, column, kind, rows[found[0][0]], found[0][1])
        finally:
            con.unregister(INCOMING)
    return None


def write_submission(
    con: duckdb.DuckDBPyConnection, tables: dict[str, list[dict[str, Any]]]
) -> None:
    """Write one file's rows to every table in one transaction: all of it or none of it.

    A fault of the rows (a value its column cannot hold, a broken row) rolls back and
    raises NotStored naming the value where it can; a fault of the machine propagates.
    """
    con.execute("begin transaction")
    try:
        for table, rows in tables.items():
            insert(con, table, rows)
        con.execute("commit")
    except SYSTEMIC:
        _rollback(con)
        raise
    except (duckdb.Error, ValueError, TypeError) as exc:
        _rollback(con)
        raise NotStored(exc, unstorable(con, tables)) from exc
    except BaseException:
        _rollback(con)
        raise


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back and drop the half-inserted frame; the original error is the one to report."""
    for statement in (lambda: con.execute("rollback"), lambda: con.unregister(INCOMING)):
        with contextlib.suppress(duckdb.Error):
            statement()
