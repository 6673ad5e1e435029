"""Read-only SQL against the published marts, for the `planwatch query` command.

Analysts' SQL is untrusted. `read_only=True` alone still lets a statement COPY to any file,
ATTACH the build database read-write, read /etc/passwd with read_csv or install an
extension, so the connection also disables external access and locks its configuration.
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

from orchestration.settings import paths

# The same settings are shown to analysts in README.md ("Querying the marts").
READ_ONLY_CONFIG: dict[str, str | bool] = {
    "enable_external_access": False,
    "autoload_known_extensions": False,
    "autoinstall_known_extensions": False,
    "allow_community_extensions": False,
    "temp_directory": "",
    "lock_configuration": True,
}
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
    return duckdb.connect(str(marts_db), read_only=True, config=READ_ONLY_CONFIG)


def _refusal(error: duckdb.Error) -> bool:
    text = str(error)
    return isinstance(error, duckdb.PermissionException) or any(
        marker in text for marker in ("configuration has been locked", "read-only mode")
    )


def run_query(sql: str, *, as_csv: bool = False) -> int:
    """Print the result of `sql` on warehouse/marts.duckdb, opened read-only."""
    marts = paths().marts_db
    if not marts.exists():
        print(f"no published marts at {marts}: run `planwatch refresh` first", file=sys.stderr)
        return 2
    try:
        with connect_read_only(marts) as con:
            frame = con.execute(sql).df()
    except duckdb.Error as error:
        print(f"query failed: {error}", file=sys.stderr)
        if _refusal(error):
            print(REFUSED, file=sys.stderr)
        return 1
    if as_csv:
        frame.to_csv(sys.stdout, index=False)
    else:
        print(frame.to_string(index=False, max_rows=200))
    return 0
