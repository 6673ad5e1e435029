"""Read-only SQL against the published marts, for the `planwatch query` command."""

from __future__ import annotations

import sys

import duckdb

from orchestration.settings import paths


def run_query(sql: str, *, as_csv: bool = False) -> int:
    """Print the result of `sql` on warehouse/marts.duckdb, opened read-only."""
    marts = paths().marts_db
    if not marts.exists():
        print(f"no published marts at {marts}: run `planwatch refresh` first", file=sys.stderr)
        return 2
    try:
        with duckdb.connect(str(marts), read_only=True) as con:
            frame = con.execute(sql).df()
    except duckdb.Error as error:
        print(f"query failed: {error}", file=sys.stderr)
        return 1
    if as_csv:
        frame.to_csv(sys.stdout, index=False)
    else:
        print(frame.to_string(index=False, max_rows=200))
    return 0
