"""What a failed audit found, in terms a steward can act on: the check, the values, the files.

Reads one run's failed rows of audit.validation_result and the submission log, and names
the submissions behind the failing rows where the rows carry a `submission_id` (or, less
precisely, a `department_code`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from orchestration.audit.store import AUDIT_SCHEMA, VALIDATION_RESULT
from orchestration.sql import has_table

SHOWN_VALUES = 5


@dataclass(frozen=True)
class Finding:
    """One failed expectation of one run, with the submissions its failing rows came from."""

    check: str
    expectation: str
    column: str | None
    severity: str
    observed: str | None
    unexpected_count: int | None
    values: list[str]
    exception: str | None
    submissions: dict[str, str] = field(default_factory=dict)
    departments: list[str] = field(default_factory=list)


def _check_name(suite: str) -> str:
    return "gx_" + re.sub(r"\W", "_", suite)


def _sample(text: str | None) -> list[dict[str, Any]]:
    try:
        rows = json.loads(text) if text else []
    except ValueError:
        return []
    return [row for row in rows if isinstance(row, dict)]


def _values(rows: list[dict[str, Any]], column: str | None) -> list[str]:
    """The failing column's values, each with the row's key-looking columns for context."""
    shown = []
    for row in rows[:SHOWN_VALUES]:
        keys = [
            f"{k} {row[k]}" for k in row if k.endswith(("_code", "_month", "year")) and k != column
        ]
        value = f"{column}={row.get(column)}" if column and column in row else ""
        shown.append(", ".join(part for part in [value, *keys[:3]] if part))
    return shown


def _files(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, str]:
    if not ids or not has_table(con, "raw", "submission_log"):
        return dict.fromkeys(ids, "")
    rows = con.execute(
        "select submission_id, file_path from raw.submission_log "
        "where list_contains(?, submission_id)",
        [ids],
    ).fetchall()
    found = dict(rows)
    return {sid: found.get(sid, "") for sid in ids}


def audit_findings(build_db: Path, run_id: str) -> list[Finding]:
    """Every failed expectation of `run_id`, blocking ones first."""
    with duckdb.connect(str(build_db), read_only=True) as con:
        if not has_table(con, AUDIT_SCHEMA, VALIDATION_RESULT):
            return []
        rows = con.execute(
            "select suite, expectation_type, column_name, severity, observed_value, "
            "unexpected_count, failing_sample, exception "
            f"from {AUDIT_SCHEMA}.{VALIDATION_RESULT} where run_id = ? and not success "
            "order by severity = 'critical' desc, suite, expectation_type, column_name",
            [run_id],
        ).fetchall()
        findings = []
        for suite, kind, column, severity, observed, count, sample, exception in rows:
            failing = _sample(sample)
            ids = sorted({str(r["submission_id"]) for r in failing if r.get("submission_id")})
            departments = sorted(
                {str(r["department_code"]) for r in failing if r.get("department_code")}
            )
            findings.append(
                Finding(
                    _check_name(suite),
                    kind,
                    column,
                    severity,
                    observed,
                    count,
                    _values(failing, column),
                    exception,
                    _files(con, ids),
                    departments,
                )
            )
    return findings


def describe(finding: Finding) -> list[str]:
    """A finding as a few terminal lines: what failed, on what, from which files, what next."""
    on = f" on {finding.column}" if finding.column else ""
    rows = f", {finding.unexpected_count} row(s)" if finding.unexpected_count else ""
    lines = [f"{finding.check}: {finding.expectation}{on} failed ({finding.severity}{rows})"]
    if finding.observed:
        lines.append(f"  observed: {finding.observed[:200]}")
    lines += [f"  failing: {value}" for value in finding.values if value]
    if finding.exception:
        lines.append(f"  error: {finding.exception[:200]}")
    for submission, file_path in finding.submissions.items():
        lines.append(f"  from submission {submission} ({file_path or 'file not in the log'})")
    if finding.submissions:
        first = next(iter(finding.submissions))
        lines.append(
            "  steward: have the department correct and resubmit the file, or withdraw it: "
            f'planwatch steward withdraw {first} --reason "…"'
        )
    elif finding.departments:
        lines.append(f"  departments: {', '.join(finding.departments)}")
        lines.append("  steward: ask the department(s) to check and resubmit; see the Data Docs")
    else:
        lines.append(
            "  steward: no submission could be named; the failing rows are in "
            "audit.validation_result of build.duckdb and in the Data Docs"
        )
    return lines
