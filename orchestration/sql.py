"""DuckDB helpers shared by every room: quote a literal, ask whether a table exists, show
times in the warehouse's zone."""

from __future__ import annotations

import duckdb

from orchestration.settings import TIMEZONE


def sql_literal(text: str) -> str:
    """`text` as a single-quoted SQL string literal (for statements that take no parameters)."""
    return "'" + text.replace("'", "''") + "'"


def has_table(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    """Whether the open database has `schema.table`."""
    return bool(
        con.execute(
            "select count(*) from duckdb_tables() where schema_name = ? and table_name = ?",
            [schema, table],
        ).fetchone()[0]
    )


def in_local_time(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """The connection with its TimeZone set to the warehouse's (Asia/Shanghai), so times of
    the marts come back, print and fall into days in Beijing time. ICU's setting cannot be
    given to duckdb.connect (the extension loads only once the connection is open)."""
    con.execute(f"set TimeZone = {sql_literal(TIMEZONE)}")
    return con
