"""Synthetic submission marts for the report tests; submitted text carries injection attempts."""

from __future__ import annotations

import json
from datetime import date, datetime

import pandas as pd

HYPERLINK = '=HYPERLINK("http://example.invalid","点击")'
SCRIPT = "<script>alert('x')</script>"
DEPARTMENTS = {
    "stats": ("梅河口市统计局", "Meihekou Municipal Bureau of Statistics"),
    "finance": ("梅河口市财政局", "Meihekou Municipal Finance Bureau"),
    "industry": ("梅河口市工业和信息化局", "Meihekou Municipal Bureau of Industry"),
    "water": ("梅河口市水利局", "Meihekou Municipal Water Resources Bureau"),
}
LOG = [
    # submission, department, file, dataset, received, status, rows in/ok/quarantined, reasons
    (
        "S-2024",
        "stats",
        "indicators-2024.xlsx",
        "indicator_values",
        datetime(2025, 1, 20, 9),
        "accepted",
        14,
        14,
        0,
        None,
    ),
    (
        "S-fin",
        "finance",
        "finance-2024.csv",
        "indicator_values",
        datetime(2025, 1, 22, 9),
        "accepted",
        1,
        1,
        0,
        None,
    ),
    (
        "S-bad-1",
        "industry",
        "@SUM(1+1).xlsx",
        "sector_output",
        datetime(2025, 1, 23, 10),
        "rejected",
        4,
        0,
        2,
        HYPERLINK + "\n" + SCRIPT,
    ),
    (
        "S-bad-2",
        "water",
        "water-2024.xlsx",
        None,
        datetime(2025, 2, 3, 11),
        "rejected",
        1,
        0,
        1,
        "表头无法识别 · header not recognised",
    ),
    (
        "S-dup",
        "stats",
        "indicators-2024 (1).xlsx",
        "indicator_values",
        datetime(2025, 1, 21, 9),
        "duplicate",
        14,
        0,
        0,
        "same sha256 as S-2024",
    ),
]
QUARANTINE = [
    (
        "S-bad-1",
        "Sheet1",
        5,
        "产值（亿元）",
        "not_a_number",
        HYPERLINK,
        "value is not a number",
        json.dumps({"产值（亿元）": "=1+1"}, ensure_ascii=False),
    ),
    (
        "S-bad-1",
        "Sheet1",
        6,
        "产业",
        "unknown_sector",
        "未知产业：新能源车",
        SCRIPT,
        '{"产业": "新能源车"}',
    ),
    (
        "S-bad-2",
        "指标",
        3,
        None,
        "header_not_recognised",
        "表头无法识别",
        "header not recognised",
        "-1",
    ),
]
WARNINGS = [
    (
        "S-fin",
        "Sheet1",
        1,
        "备注2",
        "extra_column",
        "多余的列已忽略：备注2",
        "extra column ignored: 备注2",
    ),
    (
        "S-2024",
        "指标",
        9,
        "数值",
        "unit_converted",
        "+单位由万元换算为亿元",
        "unit converted from 万元 to 亿元",
    ),
]
COMPLETENESS = [
    # department, dataset, period, items expected/accepted/late,
    # files received/accepted/rejected/duplicate, overdue, days overdue
    ("stats", "indicator_values", 2024, 14, 14, 0, 2, 1, 0, 1, False, None),
    ("industry", "sector_output", 2024, 4, 0, 0, 1, 0, 1, 0, True, 45),
    ("water", "indicator_values", 2024, 1, 0, 0, 1, 0, 1, 0, True, 45),
    ("health", "indicator_values", 2024, 3, 1, 1, 0, 0, 0, 0, True, 45),
    ("finance", "indicator_values", 2024, 1, 1, 0, 1, 1, 0, 0, False, None),
    ("stats", "indicator_values", 2025, 14, 0, 0, 0, 0, 0, 0, False, None),
]


def submissions() -> dict[str, pd.DataFrame]:
    """submission_log, quarantine, submission_warning and rpt_submission_completeness."""
    log = pd.DataFrame(
        LOG,
        columns=[
            "submission_id",
            "department_code",
            "file_name",
            "dataset",
            "received_at",
            "status",
            "rows_received",
            "rows_accepted",
            "rows_quarantined",
            "reasons",
        ],
    )
    log["file_path"] = log["department_code"] + "/" + log["file_name"]
    log["department_name_zh"] = log["department_code"].map(lambda d: DEPARTMENTS[d][0])
    log["department_name_en"] = log["department_code"].map(lambda d: DEPARTMENTS[d][1])
    log["warnings"] = None
    about = log[["submission_id", "department_code", "dataset", "file_name", "received_at"]]
    rule = ["submission_id", "sheet", "excel_row", "column_name", "rule", "reason_zh", "reason_en"]
    quarantine = pd.DataFrame(QUARANTINE, columns=[*rule, "raw_record"]).merge(about)
    warnings = pd.DataFrame(WARNINGS, columns=rule).merge(about)
    completeness = pd.DataFrame(
        COMPLETENESS,
        columns=[
            "department_code",
            "dataset",
            "period_label",
            "expected_items",
            "accepted_items",
            "late_items",
            "files_received",
            "files_accepted",
            "files_rejected",
            "files_duplicate",
            "is_overdue",
            "days_overdue",
        ],
    )
    completeness["period_label"] = completeness["period_label"].astype(str)
    completeness["period_start"] = [date(int(p), 1, 1) for p in completeness["period_label"]]
    completeness["due_date"] = [date(int(p) + 1, 3, 31) for p in completeness["period_label"]]
    completeness["is_due"] = completeness["period_label"] != "2025"
    completeness["completeness_share"] = (
        completeness["accepted_items"] / completeness["expected_items"]
    )
    completeness["missing_items"] = completeness["expected_items"] - completeness["accepted_items"]
    return {
        "submission_log": log,
        "quarantine": quarantine,
        "submission_warning": warnings,
        "rpt_submission_completeness": completeness,
    }


def validation_results() -> pd.DataFrame:
    """Two audit runs; the latest has one failing expectation."""
    rows = []
    for run, at, failed in [
        ("run-1", datetime(2025, 2, 1, 2), False),
        ("run-2", datetime(2025, 3, 1, 2), True),
    ]:
        common = {"run_id": run, "validated_at": at, "expectation_kwargs": "{}", "exception": None}
        rows.append(
            {
                **common,
                "suite": "marts.fct_indicator_progress",
                "mart": "fct_indicator_progress",
                "expectation_type": "expect_column_values_to_not_be_null",
                "column_name": "status_code",
                "description": "every row has a status",
                "success": True,
                "observed_value": None,
                "unexpected_count": 0,
                "failing_sample": None,
            }
        )
        rows.append(
            {
                **common,
                "suite": "marts.fct_project_progress",
                "mart": "fct_project_progress",
                "expectation_type": "expect_column_values_to_be_between",
                "column_name": "completion_share",
                "description": "completion share within 0..1",
                "success": not failed,
                "observed_value": '{"unexpected_count": 1}',
                "unexpected_count": int(failed),
                "failing_sample": '[{"completion_share": 1.2}]' if failed else None,
            }
        )
    return pd.DataFrame(rows)
