"""Steward review section: the latest validation results and the link to the GX Data Docs."""

from __future__ import annotations

import pandas as pd

from reports.data import records
from reports.render.html import esc, num, section, stamp, table

FAILURE_HEADERS = [
    ("套件", "Suite"),
    ("规则", "Expectation"),
    ("字段", "Column"),
    ("说明", "Description"),
    ("观测值", "Observed"),
    ("不符合行", "Failing rows"),
]
SUITE_HEADERS = [
    ("套件", "Suite"),
    ("规则数", "Expectations"),
    ("通过", "Passed"),
    ("未通过", "Failed"),
]


def failures_table(failed: pd.DataFrame) -> str:
    """Every expectation that failed, with what was observed and a sample of failing rows."""
    if failed.empty:
        return '<p class="note">全部通过 · Every expectation passed.</p>'
    rows = [
        [
            esc(r["suite"]),
            f'<span class="code">{esc(r["expectation_type"])}</span>',
            esc(r["column_name"]),
            esc(r.get("description")),
            f'<div class="raw">{esc(r.get("observed_value"))}</div>',
            f'<div class="raw">{esc(r.get("failing_sample") or r.get("exception"))}</div>',
        ]
        for r in records(failed)
    ]
    return table(FAILURE_HEADERS, rows)


def suites_table(validation: pd.DataFrame) -> str:
    """Per suite: expectations run, passed and failed; suites with a failure first."""
    passed = validation["success"].astype(bool)
    per_suite = (
        validation.assign(passed=passed, failed=~passed)
        .groupby("suite", sort=True)
        .agg(total=("passed", "size"), passed=("passed", "sum"), failed=("failed", "sum"))
        .reset_index()
        .sort_values(["failed", "suite"], ascending=[False, True])
    )
    rows = [
        [
            esc(r["suite"]),
            num(r["total"]),
            num(r["passed"]),
            f"<b>{num(r['failed'])}</b>" if r["failed"] else num(r["failed"]),
        ]
        for r in records(per_suite)
    ]
    return (
        f"<details><summary>各套件通过情况 {len(rows)} 个套件 · Passed checks by suite "
        f"({len(rows)} suites)</summary>{table(SUITE_HEADERS, rows, numeric=[1, 2, 3])}</details>"
    )


def validation_section(validation: pd.DataFrame, docs_link: str | None) -> str:
    """The latest audit run: its failures in full, passed checks as a count per suite."""
    link = (
        f'<p><a href="{esc(docs_link)}">打开 Great Expectations 数据文档 · '
        "Open the GX Data Docs</a></p>"
        if docs_link
        else '<p class="note">GX 数据文档尚未生成 · GX Data Docs not built yet.</p>'
    )
    if validation.empty:
        body = '<p class="note">暂无校验结果 · No validation results published.</p>' + link
        return section("validation", "数据校验结果", "Latest validation results", body)
    failed = validation[~validation["success"].astype(bool)]
    summary = (
        f"<p>最近一次校验（{stamp(validation['validated_at'].max())}，运行 "
        f'<span class="code">{esc(validation["run_id"].iloc[0])}</span>）：'
        f"{len(validation)} 条规则，未通过 <b>{len(failed)}</b> 条。"
        f'<span class="en">Latest audit: {len(validation)} expectations, {len(failed)} '
        "failed.</span></p>"
    )
    body = summary + failures_table(failed) + suites_table(validation) + link
    return section("validation", "数据校验结果", "Latest validation results", body)
