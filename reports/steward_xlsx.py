"""The steward review as an xlsx workbook, to send departments what to fix."""

from __future__ import annotations

from pathlib import Path

from reports.steward_data import StewardData
from reports.xlsx import NUMBER, SHARE, Column, open_workbook, write_table

SUBMISSIONS = [
    Column("submission_id", "报送编号", "Submission", 18),
    Column("department_code", "部门代码", "Department", 14),
    Column("file_name", "文件名", "File", 34),
    Column("dataset", "数据集", "Dataset", 16),
    Column("received_at", "接收时间", "Received at", 19),
    Column("status", "处理结果", "Status", 10),
    Column("rows_received", "收到行数", "Rows received", 10),
    Column("rows_accepted", "接收行数", "Rows accepted", 10),
    Column("rows_quarantined", "隔离行数", "Rows quarantined", 10),
    Column("reasons", "退回原因", "Reasons", 60),
    Column("warnings", "提示", "Warnings", 40),
]
QUARANTINE = [
    Column("submission_id", "报送编号", "Submission", 18),
    Column("department_code", "部门代码", "Department", 14),
    Column("file_name", "文件名", "File", 30),
    Column("sheet", "工作表", "Sheet", 14),
    Column("excel_row", "行", "Row", 6),
    Column("column_name", "列", "Column", 14),
    Column("rule", "规则", "Rule", 18),
    Column("reason_zh", "原因", "Reason (Chinese)", 40),
    Column("reason_en", "原因（英文）", "Reason (English)", 40),
    Column("raw_record", "原始记录", "Raw record", 60),
]
WARNINGS = [c for c in QUARANTINE if c.key != "raw_record"]
REVISIONS = [
    Column("indicator_code", "指标代码", "Code", 9),
    Column("name_zh", "指标名称", "Indicator", 30),
    Column("region_code", "区划", "Region", 9),
    Column("year", "年份", "Year", 7),
    Column("revision_no", "修订次", "Revision", 8),
    Column("old_value", "原值", "Old value", 12, NUMBER),
    Column("new_value", "新值", "New value", 12, NUMBER),
    Column("submission_id", "报送编号", "Submission", 18),
    Column("received_at", "接收时间", "Received at", 19),
]

COMPLETENESS = [
    Column("department_code", "部门代码", "Department", 14),
    Column("department_zh", "部门", "Department name", 24),
    Column("dataset", "数据集", "Dataset", 16),
    Column("period_label", "报告期", "Period", 10),
    Column("due_date", "截止日期", "Due", 12),
    Column("expected_items", "应报项", "Expected", 9),
    Column("accepted_items", "已报项", "Accepted", 9),
    Column("missing_items", "缺报项", "Missing", 9),
    Column("late_items", "迟报项", "Late", 9),
    Column("files_received", "收到文件", "Files received", 9),
    Column("files_rejected", "退回文件", "Files rejected", 9),
    Column("completeness_share", "完整率", "Completeness", 10, SHARE),
    Column("is_overdue", "是否逾期", "Overdue", 9),
    Column("days_overdue", "逾期天数", "Days overdue", 9),
]


def write_steward_xlsx(data: StewardData, path: Path) -> Path:
    """Submissions, quarantined rows, warnings, revisions, missing: one sheet each."""
    book = open_workbook(path)
    try:
        write_table(book, "报送 Submissions", data.submissions, SUBMISSIONS)
        write_table(book, "隔离行 Quarantine", data.quarantine, QUARANTINE)
        write_table(book, "提示 Warnings", data.warnings, WARNINGS)
        write_table(book, "修订 Revisions", data.revisions, REVISIONS)
        write_table(book, "报送完整性 Completeness", data.completeness, COMPLETENESS)
    finally:
        book.close()
    return path
