"""Read-only access to the published marts file; reports read nothing else."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from orchestration.sql import in_local_time

LABEL_SEPARATOR = " — "


class Marts:
    """An open, read-only connection to warehouse/marts.duckdb with a few conveniences."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.tables = {
            row[0]
            for row in con.execute(
                "select table_name from duckdb_tables() where schema_name = 'main' "
                "union select view_name from duckdb_views() where schema_name = 'main'"
            ).fetchall()
        }

    def has(self, *tables: str) -> bool:
        """True when every named table is published."""
        return all(table in self.tables for table in tables)

    def frame(self, sql: str, params: list[Any] | None = None) -> pd.DataFrame:
        """The result of `sql` as a DataFrame."""
        return self.con.execute(sql, params or []).df()

    def table(self, name: str, order_by: str = "") -> pd.DataFrame:
        """A whole table, or an empty frame when it is not published."""
        if not self.has(name):
            return pd.DataFrame()
        order = f" order by {order_by}" if order_by else ""
        return self.frame(f'select * from "{name}"{order}')

    @cached_property
    def synthetic_files(self) -> int:
        """Accepted files whose title marks them as synthetic samples (rule synthetic_sample);
        read once per open marts file, which does not change while it is open."""
        if not self.has("submission_warning", "submission_log"):
            return 0
        return int(
            self.con.execute(
                "select count(distinct warning.submission_id) from submission_warning as warning "
                "inner join submission_log as log using (submission_id) "
                "where warning.rule = 'synthetic_sample' and log.status = 'accepted'"
            ).fetchone()[0]
        )

    def labels(self, *tables: str) -> dict[str, tuple[str, str]]:
        """(Chinese, English) per column from its "中文 — English" comment; the first table wins."""
        found: dict[str, tuple[str, str]] = {}
        for table in reversed(tables):
            rows = self.con.execute(
                "select column_name, comment from duckdb_columns() where schema_name = 'main' "
                "and table_name = ? and comment is not null",
                [table],
            ).fetchall()
            found.update({column: split_label(comment) for column, comment in rows})
        return found


@contextmanager
def open_marts(marts_db: Path) -> Iterator[Marts]:
    """Open the published marts read-only and close them afterwards."""
    if not marts_db.exists():
        raise FileNotFoundError(f"no published marts at {marts_db}: run a refresh first")
    con = in_local_time(duckdb.connect(str(marts_db), read_only=True))
    try:
        yield Marts(con)
    finally:
        con.close()


def split_label(comment: str) -> tuple[str, str]:
    """A column comment "完成进度 — Share achieved …" as ("完成进度", "Share achieved …")."""
    zh, _, en = comment.partition(LABEL_SEPARATOR)
    return zh.strip(), en.strip()


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as dicts with NaN/NA turned into None."""
    if frame.empty:
        return []
    return frame.astype(object).where(frame.notna(), None).to_dict("records")
