"""The raw tables intake keeps about every file besides the datasets' rows: its log entry,
its quarantined rows and its warnings; and the steward actions taken on submissions."""

from __future__ import annotations

from orchestration.intake.datasets.spec import Table

ISSUE_COLUMNS = (
    ("submission_id", "varchar"),
    ("sheet", "varchar"),
    ("excel_row", "integer"),
    ("column_name", "varchar"),
    ("rule", "varchar"),
    ("reason_zh", "varchar"),
    ("reason_en", "varchar"),
)

SUBMISSION_LOG = Table(
    "submission_log",
    "报送文件登记 — One row per file that arrived in the drop folder, accepted, rejected or "
    "duplicate.",
    (
        ("submission_id", "varchar"),
        ("file_path", "varchar"),
        ("file_name", "varchar"),
        ("department_code", "varchar"),
        ("dataset", "varchar"),
        ("sha256", "varchar"),
        ("size_bytes", "bigint"),
        ("received_at", "timestamp"),
        ("status", "varchar"),
        ("rows_received", "integer"),
        ("rows_accepted", "integer"),
        ("rows_quarantined", "integer"),
        ("reasons", "varchar"),
        ("warnings", "varchar"),
        ("archive_path", "varchar"),
        ("duplicate_of", "varchar"),
        ("file_mtime", "timestamp"),
        ("reason_codes", "varchar"),
        ("reprocess_of", "varchar"),
        ("region_code", "varchar"),
        ("submitted_on", "date"),
    ),
    primary_key="submission_id",
)
QUARANTINE = Table(
    "quarantine",
    "隔离行 — Every row of a submission that broke a rule, with the rule and a reason for "
    "the clerk.",
    (*ISSUE_COLUMNS, ("raw_record", "varchar")),
)
SUBMISSION_WARNING = Table(
    "submission_warning",
    "提示 — Non-blocking findings on accepted files for the data steward.",
    ISSUE_COLUMNS,
)
STEWARD_ACTION = Table(
    "steward_action",
    "数据管理操作 — Every withdraw and reprocess a data steward recorded in the landing ledger.",
    (
        ("action_id", "varchar"),
        ("action", "varchar"),
        ("submission_id", "varchar"),
        ("reason", "varchar"),
        ("acted_by", "varchar"),
        ("acted_at", "timestamptz"),
        ("result_submission_id", "varchar"),
    ),
    primary_key="action_id",
)
SUBMISSION_PERIOD = Table(
    "submission_period",
    "报送期 — The region and the year or month each row of a file of a recognised dataset "
    "reports on, accepted or not (a year as its 1 January); the periods a rejected file is for.",
    (
        ("submission_id", "varchar"),
        ("region_code", "varchar"),
        ("period_date", "date"),
    ),
)
LOG_TABLES = (SUBMISSION_LOG, QUARANTINE, SUBMISSION_WARNING, SUBMISSION_PERIOD, STEWARD_ACTION)
