"""The rows one file contributes to the raw tables: its log entry, quarantine, warnings, data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from orchestration.intake.datasets.registry import DATASETS, RAW_TABLES
from orchestration.intake.process import Outcome
from orchestration.intake.rules import Issue, describe, issue
from orchestration.landing.events import Arrival, StewardAction, local

MAX_LISTED = 20


def summary(issues: list[Issue], *, head: str | None = None) -> str | None:
    """Readable lines for submission_log (Chinese first, then English), at most MAX_LISTED."""
    lines = ([head] if head else []) + [describe(i) for i in issues[:MAX_LISTED]]
    if len(issues) > MAX_LISTED:
        more = len(issues) - MAX_LISTED
        see = "raw.quarantine / raw.submission_warning"
        lines.append(f"……另有 {more} 条，见 {see}。 / … {more} more, see {see}.")
    return "\n".join(lines) if lines else None


def _issue_row(submission_id: str, item: Issue) -> dict[str, Any]:
    return {
        "submission_id": submission_id,
        "sheet": item.sheet,
        "excel_row": item.excel_row,
        "column_name": item.column,
        "rule": item.rule,
        "reason_zh": item.reason_zh,
        "reason_en": item.reason_en,
    }


def log_facts(arrival: Arrival) -> dict[str, Any]:
    """The ledger's arrival facts as submission_log columns."""
    return {
        "submission_id": arrival.submission_id,
        "file_path": arrival.file_path,
        "file_name": arrival.file_name,
        "department_code": arrival.department_folder,
        "received_at": arrival.received_at,
        "size_bytes": arrival.size_bytes,
        "file_mtime": local(arrival.file_mtime),
        "sha256": arrival.sha256,
        "archive_path": arrival.archive_path,
        "reprocess_of": arrival.reprocess_of,
    }


def period_rows(outcome: Outcome, submission_id: str, region: str | None) -> list[dict[str, Any]]:
    """The distinct region and year or month the readable rows of a recognised file report
    on, accepted or not (a row without its own region is the file's)."""
    spec = DATASETS.get(outcome.dataset or "")
    if spec is None:
        return []
    seen: set[tuple[str | None, dt.date]] = set()
    for record in outcome.accepted + outcome.quarantined:
        value = record.values.get(spec.period)
        if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 9999:
            value = dt.date(value, 1, 1)
        if isinstance(value, dt.date):
            seen.add((record.values.get("region_code") or region, value))
    return [
        {"submission_id": submission_id, "region_code": code, "period_date": date}
        for code, date in sorted(seen, key=lambda p: (p[0] or "", p[1]))
    ]


def rows_for(
    arrival: Arrival,
    outcome: Outcome,
    *,
    duplicate_of: str | None = None,
    region: str | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Every row to write for this file, keyed by raw table name; region is the file's
    (its region folder, else the default region)."""
    status = outcome.status
    sid = arrival.submission_id
    row_errors = [i for i in outcome.row_issues if i.is_error and i.rule != "file_rejected"]
    errors = [i for i in outcome.file_issues if i.is_error] + row_errors
    warnings = [i for i in outcome.file_issues + outcome.row_issues if not i.is_error]
    submitted_on = outcome.submitted_on
    if submitted_on and submitted_on > arrival.received_at.date():
        seen = arrival.received_at.date().isoformat()
        warnings.append(issue("submission_date_after_arrival", value=submitted_on, seen=seen))
        submitted_on = None
    bad_rows = len({(i.sheet, i.excel_row) for i in row_errors})
    head = None
    if bad_rows:
        head = (
            f"共 {bad_rows} 行有错误，整份文件（{outcome.rows_received} 行）未被接收。 / "
            f"{bad_rows} of {outcome.rows_received} rows have errors; the whole file was rejected."
        )
    reasons = summary(outcome.file_issues if status == "duplicate" else errors, head=head)
    quarantine = [
        {**_issue_row(sid, i), "raw_record": record.raw_json()}
        for record in outcome.quarantined
        for i in record.issues
        if i.is_error or i.rule == "duplicate_row"
    ]
    log = {
        **log_facts(arrival),
        "dataset": outcome.dataset,
        "status": status,
        "rows_received": outcome.rows_received,
        "rows_accepted": len(outcome.accepted) if status == "accepted" else 0,
        "rows_quarantined": len(outcome.quarantined),
        "reasons": reasons,
        "warnings": None if status == "duplicate" else summary(warnings),
        "duplicate_of": duplicate_of,
        "reason_codes": ",".join(sorted({i.rule for i in errors})) or None,
        "region_code": region,
        "submitted_on": submitted_on,
    }
    tables: dict[str, list[dict[str, Any]]] = {}
    if status == "accepted" and outcome.dataset in DATASETS:
        common = {
            "submission_id": sid,
            "department_code": arrival.department_folder,
            "received_at": arrival.received_at,
        }
        tables[DATASETS[outcome.dataset].table.name] = [
            {**common, "sheet": r.sheet, "excel_row": r.excel_row, **r.values}
            for r in outcome.accepted
        ]
    tables["quarantine"] = quarantine
    tables["submission_period"] = period_rows(outcome, sid, region)
    tables["submission_warning"] = (
        [_issue_row(sid, i) for i in warnings] if status != "duplicate" else []
    )
    tables["submission_log"] = [log]  # written last, in the same transaction
    logged = RAW_TABLES["submission_log"].names
    assert set(log) >= set(logged), set(logged) - set(log)
    return tables


def steward_action_row(action: StewardAction) -> dict[str, list[dict[str, Any]]]:
    """The raw.steward_action row of a steward action."""
    return {"steward_action": [dict(action.__dict__)]}
