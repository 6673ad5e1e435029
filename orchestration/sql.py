"""DuckDB helpers shared by every room: quote a literal, ask whether a table exists."""

from __future__ import annotations

import duckdb


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
