"""What a refresh did and what is published, for a person at a terminal."""

from __future__ import annotations

import duckdb

from orchestration.audit.findings import audit_findings, describe
from orchestration.refresh.runner import RefreshResult
from orchestration.settings import paths


def published_tables() -> list[tuple[str, int]]:
    """(table, rows) of every table in the published marts file."""
    with duckdb.connect(str(paths().marts_db), read_only=True) as con:
        names = [
            row[0]
            for row in con.execute(
                "select table_name from duckdb_tables() order by table_name"
            ).fetchall()
        ]
        return [(n, con.execute(f'select count(*) from "{n}"').fetchone()[0]) for n in names]


def audit_lines(run_id: str) -> list[str]:
    """The failed checks of one run, with values, submissions and what the steward can do."""
    where = paths()
    if not where.build_db.exists():
        return []
    try:
        findings = audit_findings(where.build_db, run_id)
    except duckdb.Error as error:
        return [f"audit details unavailable: {error}"]
    return [line for finding in findings for line in describe(finding)]


def print_summary(result: RefreshResult) -> None:
    """A short report of what was built and where it is."""
    where = paths()
    print()
    print(f"planwatch refresh {'succeeded' if result.success else 'FAILED'} (run {result.run_id})")
    if result.decision:
        print(result.decision)
    if result.rewritten:
        print(
            "re-written (they were older than the published marts): " + ", ".join(result.rewritten)
        )
    if result.failed_steps:
        print("failed steps: " + ", ".join(result.failed_steps))
        for line in audit_lines(result.run_id):
            print(line)
        print("the previously published marts (if any) are unchanged")
    if where.marts_db.exists():
        print(f"published marts: {where.marts_db}")
        for name, rows in published_tables():
            print(f"  {name:<36} {rows:>8} rows")
    print(f"reports:         {where.reports}")
    print('query:           .venv/bin/planwatch query "select * from dim_indicator"')
