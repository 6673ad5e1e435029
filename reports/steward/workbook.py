"""The steward review as an xlsx workbook, to send departments what to fix.

Column headers are the columns' comments in the published marts.
"""

from __future__ import annotations

from pathlib import Path

from reports.render.xlsx import NUMBER, SHARE, Column, open_workbook, write_table
from reports.steward.data import StewardData

SUBMISSIONS = [
    Column("submission_id", 18),
    Column("department_name_zh", 22),
    Column("file_name", 34),
    Column("dataset_name_zh", 14),
    Column("received_at", 17),
    Column("status_zh", 8, fill_from="status_colour"),
    Column("rows_received", 10),
    Column("rows_accepted", 10),
    Column("rows_quarantined", 10),
    Column("reasons", 60),
    Column("warnings", 40),
]
QUARANTINE = [
    Column("submission_id", 18),
    Column("department_code", 14),
    Column("file_name", 30),
    Column("sheet", 14),
    Column("excel_row", 6),
    Column("column_name", 14),
    Column("rule", 18),
    Column("reason_zh", 40),
    Column("reason_en", 40),
    Column("raw_record", 60),
]
WARNINGS = [c for c in QUARANTINE if c.key != "raw_record"]
REVISIONS = [
    Column("indicator_code", 9),
    Column("indicator_name_zh", 30),
    Column("region_code", 9),
    Column("year", 7),
    Column("revision_no", 8),
    Column("previous_revision_value", 12, NUMBER),
    Column("value", 12, NUMBER),
    Column("submission_id", 18),
    Column("received_at", 19),
]
ACTIONS = [
    Column("acted_at", 17),
    Column("acted_by", 14),
    Column("action_zh", 10),
    Column("submission_id", 18),
    Column("file_name", 30),
    Column("department_name_zh", 22),
    Column("dataset_name_zh", 14),
    Column("reason", 40),
    Column("result_submission_id", 18),
    Column("result_status_zh", 10),
]
COMPLETENESS = [
    Column("department_name_zh", 24),
    Column("dataset_name_zh", 14),
    Column("period_label", 10),
    Column("due_date", 12),
    Column("expected_items", 9),
    Column("accepted_items", 9),
    Column("missing_items", 9),
    Column("late_items", 9),
    Column("files_received", 9),
    Column("files_rejected", 9),
    Column("completeness_share", 10, SHARE),
    Column("is_overdue", 9),
    Column("days_overdue", 9),
]


def write_steward_xlsx(data: StewardData, path: Path) -> Path:
    """Submissions, quarantined rows, warnings, revisions, steward actions, missing: one sheet
    each."""
    labels = data.labels
    names = labels.get("dim_department", {})
    department = {"department_name_zh": names["name_zh"]} if "name_zh" in names else {}
    named = labels.get("dim_dataset", {}) | labels.get("dim_submission_status", {}) | department
    action_labels = labels.get("steward_action", {})
    if "result_status" in action_labels:
        action_labels = action_labels | {"result_status_zh": action_labels["result_status"]}
    sheets = [
        (
            "报送 Submissions",
            data.submissions,
            SUBMISSIONS,
            labels.get("submission_log", {}) | named,
        ),
        ("隔离行 Quarantine", data.quarantine, QUARANTINE, labels.get("quarantine", {})),
        ("提示 Warnings", data.warnings, WARNINGS, labels.get("submission_warning", {})),
        ("修订 Revisions", data.revisions, REVISIONS, labels.get("fct_indicator_value", {})),
        ("操作记录 Actions", data.actions, ACTIONS, action_labels and action_labels | named),
        (
            "报送完整性 Completeness",
            data.completeness,
            COMPLETENESS,
            labels.get("rpt_submission_completeness", {}) | named,
        ),
    ]
    book = open_workbook(path)
    try:
        for name, frame, columns, sheet_labels in sheets:
            if sheet_labels:
                write_table(book, name, frame, columns, sheet_labels)
    finally:
        book.close()
    return path
