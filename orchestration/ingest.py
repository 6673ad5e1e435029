"""`planwatch ingest`: drop one file for a department and tell the clerk the verdict now."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import duckdb

from orchestration.intake.run import run_intake
from orchestration.settings import paths


def ingest_file(source: Path, department: str) -> int:
    """Copy `source` into raw/<department>/, run intake, print the verdict; 0 if accepted."""
    where = paths()
    if not source.is_file():
        print(f"no such file: {source}", file=sys.stderr)
        return 2
    if not department or Path(department).name != department or department.startswith("."):
        print(f"not a department code: {department!r}", file=sys.stderr)
        return 2
    target = where.raw / department / source.name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    try:
        run_intake()
    except duckdb.IOException as error:
        print(f"the build database is busy (a refresh is running?): {error}", file=sys.stderr)
        return 3
    relative = target.relative_to(where.raw).as_posix()
    with duckdb.connect(str(where.build_db), read_only=True) as con:
        row = con.execute(
            "select status, dataset, rows_received, rows_accepted, rows_quarantined, reasons, "
            "warnings from raw.submission_log where file_path = ? "
            "order by received_at desc limit 1",
            [relative],
        ).fetchone()
    if row is None:
        print(f"{relative}: already taken in earlier (same path, size and time); nothing to do")
        return 0
    status, dataset, received, accepted, quarantined, reasons, warnings = row
    print(f"{relative}: {status} ({dataset or 'dataset not recognised'})")
    print(f"rows received {received}, accepted {accepted}, quarantined {quarantined}")
    for text in (reasons, warnings):
        if text:
            print(text)
    print("the marts are updated by the next refresh (`planwatch refresh`)")
    return 0 if status == "accepted" else 1
