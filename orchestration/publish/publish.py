"""Copy the built marts into a new DuckDB file, close it, then os.replace it into place.

Readers that hold the old file keep reading the old inode; new readers see the new file
whole. A crash before os.replace leaves the published file untouched; stale temporary
files of crashed runs are removed by the next publish. The new file is written in the
storage format of DuckDB 1.1, so analysts' DuckDB 1.x tools (the CLI, DBeaver's driver,
older Python packages) open it as well as DuckDB 2.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from orchestration.sql import sql_literal

TEMP_GLOB = ".marts-*.duckdb.tmp"
# The oldest storage format the published file is written in: DuckDB 1.1 and later read it.
STORAGE_VERSION = "v1.1.0"


@dataclass(frozen=True)
class PublishResult:
    """What a publish wrote."""

    path: Path
    tables: dict[str, int]


def _copy_table(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> int:
    con.execute(f'create table main."{table}" as select * from build."{schema}"."{table}"')
    comment = con.execute(
        "select comment from duckdb_tables() "
        "where database_name = 'build' and schema_name = ? and table_name = ?",
        [schema, table],
    ).fetchone()
    if comment and comment[0]:
        con.execute(f'comment on table main."{table}" is {sql_literal(comment[0])}')
    columns = con.execute(
        "select column_name, comment from duckdb_columns() where database_name = 'build' "
        "and schema_name = ? and table_name = ? and comment is not null",
        [schema, table],
    ).fetchall()
    for column, text in columns:
        con.execute(f'comment on column main."{table}"."{column}" is {sql_literal(text)}')
    return con.execute(f'select count(*) from main."{table}"').fetchone()[0]


def _write_provenance(con: duckdb.DuckDBPyConnection, provenance: dict[str, Any]) -> None:
    con.execute(
        "create table main.refresh_provenance "
        "(refreshed_at timestamptz, item varchar, value varchar)"
    )
    refreshed_at = datetime.now(UTC)
    for item, value in provenance.items():
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        con.execute(
            "insert into main.refresh_provenance values (?, ?, ?)", [refreshed_at, item, text]
        )
    con.execute(
        "comment on table main.refresh_provenance is "
        "'本次发布的来源信息 — Provenance of this published version: when, which code, "
        "which submissions, which checks.'"
    )


def remove_stale_temporaries(marts_db: Path) -> list[Path]:
    """Delete temporary files left by publishes that crashed before os.replace."""
    stale = sorted(marts_db.parent.glob(TEMP_GLOB))
    for path in stale:
        path.unlink(missing_ok=True)
    return stale


def publish_marts(
    build_db: Path,
    marts_db: Path,
    tables: dict[str, list[str]],
    provenance: dict[str, Any],
) -> PublishResult:
    """Publish `tables` ({build schema: [table, ...]}) from build_db as marts_db, atomically."""
    marts_db.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(marts_db)
    temp = marts_db.parent / f".marts-{uuid.uuid4().hex}.duckdb.tmp"
    counts: dict[str, int] = {}
    try:
        con = duckdb.connect()
        try:
            con.execute(
                f"attach {sql_literal(str(temp))} as marts "
                f"(storage_version {sql_literal(STORAGE_VERSION)})"
            )
            con.execute("use marts")
            con.execute(f"attach {sql_literal(str(build_db))} as build (read_only)")
            for schema, names in tables.items():
                for table in names:
                    counts[table] = _copy_table(con, schema, table)
            _write_provenance(con, {**provenance, "tables": counts})
            con.execute("detach build")
            con.execute("checkpoint marts")
            con.execute("use memory")
            con.execute("detach marts")
        finally:
            con.close()
        with open(temp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, marts_db)
        directory = os.open(marts_db.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
    finally:
        temp.unlink(missing_ok=True)
    return PublishResult(path=marts_db, tables=counts)


def list_tables(build_db: Path, schema: str) -> list[str]:
    """Base tables of one schema of the build database, in name order."""
    with duckdb.connect(str(build_db), read_only=True) as con:
        rows = con.execute(
            "select table_name from duckdb_tables() where schema_name = ? order by table_name",
            [schema],
        ).fetchall()
    return [row[0] for row in rows]
