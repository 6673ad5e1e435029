"""Read-only SQL against the published marts, for the `planwatch query` command.

Analysts' SQL is untrusted. `read_only=True` alone still lets a statement COPY to any file,
ATTACH the build database read-write, read /etc/passwd with read_csv or install an
extension, so the connection also disables external access and locks its configuration.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import duckdb

from orchestration.settings import paths
from orchestration.sql import in_local_time
from orchestration.text_table import render_table

# The same settings are shown to analysts in README.md ("Querying the marts").
READ_ONLY_CONFIG: dict[str, str | bool] = {
    "enable_external_access": False,
    "autoload_known_extensions": False,
    "autoinstall_known_extensions": False,
    "allow_community_extensions": False,
    "temp_directory": "",
    "lock_configuration": True,
}
MAX_ROWS = 200
FETCH = 10_000
EMPTY = (
    "没有可执行的 SQL。 / Nothing to run: give planwatch query a SQL statement, e.g. "
    'planwatch query "select * from dim_indicator"'
)
REFUSED = (
    "planwatch query only reads the published marts: files, COPY, ATTACH, extensions and "
    "settings are disabled"
)


def connect_read_only(marts_db: Path) -> duckdb.DuckDBPyConnection:
    """The published file opened read-only with no way out to other files or settings.

    External access off means no COPY TO/FROM, ATTACH, read_csv/read_parquet/read_json,
    glob or extension install/load; no temp directory leaves no writable folder (DuckDB
    allows its spill folder even then); the locked configuration refuses any SET that
    would undo this.
    """
    opened = {k: v for k, v in READ_ONLY_CONFIG.items() if k != "lock_configuration"}
    con = duckdb.connect(str(marts_db), read_only=True, config=opened)
    in_local_time(con).execute("set lock_configuration = true")
    return con


def _refusal(error: duckdb.Error) -> bool:
    text = str(error)
    return isinstance(error, duckdb.PermissionException) or any(
        marker in text for marker in ("configuration has been locked", "read-only mode")
    )


def _print_rows(cursor: duckdb.DuckDBPyConnection, *, as_csv: bool, max_rows: int) -> None:
    """One statement's result: an aligned table of at most max_rows rows, or all rows as CSV."""
    if cursor.description is None:
        print("OK (no rows returned)")
        return
    columns = [column[0] for column in cursor.description]
    if as_csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        while batch := cursor.fetchmany(FETCH):
            writer.writerows(["" if value is None else value for value in row] for row in batch)
        return
    shown = cursor.fetchmany(max_rows)
    total = len(shown)
    while total >= max_rows and (batch := cursor.fetchmany(FETCH)):
        total += len(batch)
    for line in render_table(columns, shown):
        print(line)
    if total > len(shown):
        print(f"({total} rows; the first {len(shown)} shown: add LIMIT/OFFSET, or --csv for all)")
    else:
        print(f"({total} row{'' if total == 1 else 's'})")


def _heading(number: int, count: int, statement: duckdb.Statement) -> str:
    text = " ".join(statement.query.split())
    return f"-- {number}/{count}: {text if len(text) <= 72 else text[:71] + '…'}"


def run_query(sql: str, *, as_csv: bool = False, max_rows: int = MAX_ROWS) -> int:
    """Print the result of each statement of `sql` on warehouse/marts.duckdb, read-only."""
    marts = paths().marts_db
    if not marts.exists():
        print(f"no published marts at {marts}: run `planwatch refresh` first", file=sys.stderr)
        return 2
    where = ""
    try:
        with connect_read_only(marts) as con:
            statements = con.extract_statements(sql)
            if not statements:
                print(EMPTY, file=sys.stderr)
                return 2
            for number, statement in enumerate(statements, start=1):
                if number > 1:
                    print()
                if len(statements) > 1:
                    where = f" (statement {number} of {len(statements)})"
                    if not as_csv:
                        print(_heading(number, len(statements), statement))
                _print_rows(con.execute(statement), as_csv=as_csv, max_rows=max_rows)
    except duckdb.Error as error:
        print(f"query failed{where}: {error}", file=sys.stderr)
        if _refusal(error):
            print(REFUSED, file=sys.stderr)
        return 1
    return 0
