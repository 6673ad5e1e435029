"""What a refresh did, in a few lines: what arrived, what was rejected and why, where to look."""

from __future__ import annotations

from pathlib import Path

import duckdb

from orchestration.audit.findings import audit_findings, describe
from orchestration.refresh.result import RefreshResult
from orchestration.settings import REPO_ROOT, paths
from orchestration.sql import has_table
from orchestration.text_table import display_width

REASON_WIDTH = 150


def _short(text: str, width: int = REASON_WIDTH) -> str:
    """`text` cut to `width` display columns."""
    out, used = "", 0
    for char in text:
        used += display_width(char)
        if used > width - 1:
            return out + "…"
        out += char
    return out


def _shown(path: Path) -> str:
    """A path as the person typed it: relative to the repository when it is inside it."""
    try:
        return str(path.relative_to(REPO_ROOT))
    except ValueError:
        return str(path)


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


def _reason(reasons: str | None) -> str:
    """The first specific reason of a rejection (its first line is the count of errors)."""
    lines = [line.strip() for line in (reasons or "").splitlines() if line.strip()]
    if not lines:
        return "no reason recorded"
    first = lines[1] if len(lines) > 1 else lines[0]
    more = len(lines) - 2
    return first + (f" (+{more} more)" if more > 0 else "")


def arrival_lines(submissions: list[str]) -> list[str]:
    """One line for what arrived, one per rejected or duplicate file with its reason."""
    where = paths()
    if not submissions:
        return ["arrived:   nothing new in the drop folder"]
    with duckdb.connect(str(where.build_db), read_only=True) as con:
        if not has_table(con, "raw", "submission_log"):
            return []
        rows = con.execute(
            "select file_path, status, reasons, duplicate_of from raw.submission_log "
            "where list_contains(?, submission_id) order by file_path",
            [submissions],
        ).fetchall()
    counts: dict[str, int] = {}
    for _, status, _, _ in rows:
        counts[status] = counts.get(status, 0) + 1
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    lines = [f"arrived:   {len(rows)} new file(s): {summary}"]
    for file_path, status, reasons, duplicate_of in rows:
        if status == "rejected":
            lines.append(_short(f"rejected:  {file_path} — {_reason(reasons)}"))
        elif status == "duplicate":
            lines.append(
                _short(f"duplicate: {file_path} — same bytes as {duplicate_of}, not loaded")
            )
    return lines


def _steward_page(where_reports: Path) -> Path:
    pages = sorted(where_reports.glob("steward*.html"))
    return pages[0] if pages else where_reports / "index.html"


def print_summary(result: RefreshResult, log: Path | None = None) -> None:
    """The end of `planwatch refresh`: outcome, arrivals, rejections, where everything is."""
    where = paths()
    print()
    run = f"run {result.run_id}" if result.run_id else "no Dagster run: nothing to do"
    print(f"planwatch refresh {'succeeded' if result.success else 'FAILED'} ({run})")
    if where.build_db.exists():
        try:
            for line in arrival_lines(result.new_submissions):
                print(line)
        except duckdb.Error as error:
            print(f"arrived:   unknown (the build database cannot be read: {error})")
    if result.decision:
        print(f"decision:  {result.decision}")
    if result.rewritten:
        print(f"rewritten: {', '.join(result.rewritten)} (older than the published marts)")
    if result.failed_steps:
        print("failed:    " + ", ".join(result.failed_steps))
        for line in audit_lines(result.run_id):
            print(f"  {line}")
        print("the previously published marts (if any) are unchanged")
    if where.marts_db.exists():
        with duckdb.connect(str(where.marts_db), read_only=True) as con:
            tables = con.execute(
                "select count(*) from duckdb_tables() where table_name <> 'refresh_provenance'"
            ).fetchone()[0]
        print(f"published: {_shown(where.marts_db)} ({tables} tables and refresh_provenance)")
    print(f"steward:   {_shown(_steward_page(where.reports))}")
    print(f"reports:   {_shown(where.reports / 'index.html')}")
    if log:
        print(f"full log:  {_shown(log)}")
    print('query:     .venv/bin/planwatch query "select * from rpt_plan_scorecard"')
