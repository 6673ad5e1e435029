"""Steward review section: the latest validation results and the link to the GX Data Docs."""

from __future__ import annotations

import pandas as pd

from reports.data import records
from reports.render.html import bilingual, esc, section, stamp, table


def validation_section(validation: pd.DataFrame, docs_link: str | None) -> str:
    """The latest audit run: failures first, then every expectation, and a link to Data Docs."""
    if validation.empty:
        summary = '<p class="note">暂无校验结果 · No validation results published.</p>'
    else:
        failed = int((~validation["success"].astype(bool)).sum())
        summary = (
            f"<p>最近一次校验（{stamp(validation['validated_at'].max())}，运行 "
            f'<span class="code">{esc(validation["run_id"].iloc[0])}</span>）：'
            f"{len(validation)} 条规则，未通过 <b>{failed}</b> 条。"
            f'<span class="en">Latest audit: {len(validation)} expectations, {failed} '
            "failed.</span></p>"
        )
    link = (
        f'<p><a href="{esc(docs_link)}">打开 Great Expectations 数据文档 · '
        "Open the GX Data Docs</a></p>"
        if docs_link
        else '<p class="note">GX 数据文档尚未生成 · GX Data Docs not built yet.</p>'
    )
    headers = [
        ("结果", "Result"),
        ("套件", "Suite"),
        ("规则", "Expectation"),
        ("字段", "Column"),
        ("说明", "Description"),
        ("观测值", "Observed"),
        ("不符合行", "Failing rows"),
    ]
    rows = [
        [
            bilingual("通过", "passed")
            if r["success"]
            else '<b style="color:#9b1c1c">未通过</b><span class="en">failed</span>',
            esc(r["suite"]),
            f'<span class="code">{esc(r["expectation_type"])}</span>',
            esc(r["column_name"]),
            esc(r.get("description")),
            f'<div class="raw">{esc(r.get("observed_value"))}</div>',
            f'<div class="raw">{esc(r.get("failing_sample") or r.get("exception"))}</div>',
        ]
        for r in records(validation)
    ]
    body = summary + link + table(headers, rows)
    return section("validation", "数据校验结果", "Latest validation results", body)
