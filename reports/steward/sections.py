"""Steward review sections: missing or overdue, revisions, warnings, validation results."""

from __future__ import annotations

import pandas as pd

from reports.data import records
from reports.render.html import bilingual, esc, num, section, stamp, table

NOT_PUBLISHED = '<p class="note">未发布 · Not published</p>'


def overdue_summary(overdue: pd.DataFrame) -> str:
    """Per department and dataset: overdue periods, items missing, the oldest and the worst."""
    headers = [
        ("部门", "Department"),
        ("数据集", "Dataset"),
        ("逾期报告期", "Overdue periods"),
        ("缺报项合计", "Items missing"),
        ("迟报项合计", "Items late"),
        ("最早逾期", "Earliest overdue"),
        ("最长逾期天数", "Most days overdue"),
    ]
    keys = [
        "department_code",
        "department_name_zh",
        "department_name_en",
        "dataset",
        "dataset_name_zh",
        "dataset_name_en",
    ]
    rows = [
        [
            bilingual(zh, en),
            bilingual(dataset_zh, dataset_en),
            num(len(group)),
            f"<b>{num(group['missing_items'].sum())}</b>",
            num(group["late_items"].sum()),
            esc(group.sort_values("period_start")["period_label"].iloc[0]),
            num(group["days_overdue"].max()),
        ]
        for (_, zh, en, _, dataset_zh, dataset_en), group in overdue.groupby(
            keys, dropna=False, sort=True
        )
    ]
    return table(headers, rows, numeric=[2, 3, 4, 6])


def overdue_details(overdue: pd.DataFrame) -> str:
    """Every overdue period, folded away."""
    headers = [
        ("部门", "Department"),
        ("数据集", "Dataset"),
        ("报告期", "Period"),
        ("截止日期", "Due"),
        ("应报项", "Expected"),
        ("已报项", "Accepted"),
        ("缺报项", "Missing"),
        ("迟报项", "Late"),
        ("退回文件", "Files rejected"),
        ("逾期天数", "Days overdue"),
    ]
    rows = [
        [
            esc(r["department_name_zh"]),
            esc(r["dataset_name_zh"]),
            esc(r["period_label"]),
            esc(r["due_date"]),
            num(r["expected_items"]),
            num(r["accepted_items"]),
            f"<b>{num(r['missing_items'])}</b>",
            num(r["late_items"]),
            num(r["files_rejected"]),
            num(r["days_overdue"]),
        ]
        for r in records(overdue)
    ]
    return (
        f"<details><summary>逾期报告期明细 {len(rows)} 个 · All {len(rows)} overdue periods"
        f"</summary>{table(headers, rows, numeric=[4, 5, 6, 7, 8, 9])}</details>"
    )


def completeness_section(completeness: pd.DataFrame) -> str:
    """Overdue periods (due, not every item accepted), summarised and in full."""
    if completeness.empty:
        return section("missing", "缺报与逾期", "Missing or overdue", NOT_PUBLISHED)
    overdue = completeness[completeness["is_overdue"].fillna(False).astype(bool)]
    due = int(completeness["is_due"].fillna(False).astype(bool).sum())
    intro = (
        f"已到期的 {due} 个报告期中，{len(overdue)} 个逾期未报齐。"
        f'<span class="en">{len(overdue)} of the {due} periods already due are overdue: not '
        "every expected item has been accepted.</span>"
    )
    body = overdue_summary(overdue) + overdue_details(overdue)
    return section("missing", "缺报与逾期", "Missing or overdue", body, intro)


def revisions_section(revisions: pd.DataFrame) -> str:
    """Indicator values resubmitted: old value → new value."""
    headers = [
        ("指标", "Indicator"),
        ("区划", "Region"),
        ("年份", "Year"),
        ("修订次", "Revision"),
        ("原值", "Old value"),
        ("新值", "New value"),
        ("报送", "Submission"),
        ("时间", "Received"),
    ]
    rows = [
        [
            bilingual(r["indicator_name_zh"], r["indicator_name_en"]),
            esc(r["region_code"]),
            esc(r["year"]),
            esc(r["revision_no"]),
            num(r["previous_revision_value"]),
            f"<b>{num(r['value'])}</b> {esc(r['unit'])}",
            f'<span class="code">{esc(r["old_submission_id"])} → {esc(r["submission_id"])}</span>',
            stamp(r["received_at"]),
        ]
        for r in records(revisions)
    ]
    intro = (
        "同一指标、区划、年份重新报送即为修订，以最近一次接收的为准，历次修订均保留。"
        '<span class="en">A resubmission of the same indicator, region and year is a revision; '
        "the latest accepted one is current and every revision is kept.</span>"
    )
    return section(
        "revisions", "数据修订", "Revisions", table(headers, rows, numeric=[2, 3, 4, 5]), intro
    )


def warnings_section(warnings: pd.DataFrame) -> str:
    """Non-blocking findings on accepted files, for the steward to review."""
    headers = [
        ("文件", "File"),
        ("部门", "Department"),
        ("工作表", "Sheet"),
        ("行", "Row"),
        ("列", "Column"),
        ("规则", "Rule"),
        ("提示", "Warning"),
    ]
    rows = [
        [
            esc(r["file_name"]),
            bilingual(r["department_name_zh"], r["department_name_en"]),
            esc(r["sheet"]),
            esc(r["excel_row"]),
            esc(r["column_name"]),
            f'<span class="code">{esc(r["rule"])}</span>',
            bilingual(r["reason_zh"], r["reason_en"]),
        ]
        for r in records(warnings)
    ]
    return section(
        "warnings", "待审核提示", "Warnings awaiting review", table(headers, rows, numeric=[3])
    )
