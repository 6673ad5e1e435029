"""The steward review page: what arrived, what was rejected and why, what is missing, revised, flagged."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from reports import steward_data as sd
from reports.data import Marts, records
from reports.html import bilingual, esc, num, page, section, stamp, table
from reports.steward_sections import (
    completeness_section,
    revisions_section,
    validation_section,
    warnings_section,
)
from reports.steward_xlsx import write_steward_xlsx

STATUSES = [
    ("accepted", "接收", "Accepted"),
    ("rejected", "退回", "Rejected"),
    ("duplicate", "重复", "Duplicate"),
]
NAV = [
    ("by-department", "报送概况"),
    ("rejections", "退回"),
    ("missing", "缺报逾期"),
    ("revisions", "修订"),
    ("warnings", "提示"),
    ("validation", "校验"),
]


def pill(status: str, n: int) -> str:
    """A count coloured by submission status, muted when zero."""
    return f'<span class="pill {status if n else "zero"}">{n}</span>'


def by_department_section(submissions: pd.DataFrame) -> str:
    """Submissions per department and period (month received), by outcome."""
    headers = [
        ("部门", "Department"),
        ("期间", "Period"),
        *[(zh, en) for _, zh, en in STATUSES],
        ("收到行数", "Rows received"),
        ("接收行数", "Rows accepted"),
        ("隔离行数", "Rows quarantined"),
    ]
    rows = []
    if not submissions.empty:
        keys = ["department_code", "department_zh", "department_en", "period"]
        keys = [k for k in keys if k in submissions]
        for key, group in submissions.groupby(keys, dropna=False, sort=True):
            values = dict(zip(keys, key, strict=True))
            counts = group["status"].value_counts()
            rows.append(
                [
                    bilingual(
                        values.get("department_zh", values["department_code"]),
                        values.get("department_en"),
                    ),
                    esc(values.get("period")),
                    *[pill(code, int(counts.get(code, 0))) for code, _, _ in STATUSES],
                    num(group["rows_received"].sum()),
                    num(group["rows_accepted"].sum()),
                    num(group["rows_quarantined"].sum()),
                ]
            )
    return section(
        "by-department",
        "报送概况",
        "Submissions by department and period",
        table(headers, rows, numeric=[2, 3, 4, 5, 6, 7]),
    )


def quarantine_table(rows: pd.DataFrame) -> str:
    """The quarantined rows of one submission, Chinese reason first."""
    headers = [
        ("工作表", "Sheet"),
        ("行", "Row"),
        ("列", "Column"),
        ("规则", "Rule"),
        ("原因", "Reason"),
        ("原始记录", "Raw record"),
    ]
    body = [
        [
            esc(r["sheet"]),
            esc(r["excel_row"]),
            esc(r["column_name"]),
            f'<span class="code">{esc(r["rule"])}</span>',
            bilingual(r["reason_zh"], r["reason_en"]),
            f'<div class="raw">{esc(r["raw_record"])}</div>',
        ]
        for r in records(rows)
    ]
    return table(headers, body, numeric=[1])


def rejections_section(submissions: pd.DataFrame, quarantine: pd.DataFrame) -> str:
    """Every rejected submission with its reasons and the rows held in quarantine."""
    rejected = (
        submissions[submissions["status"] == "rejected"] if not submissions.empty else submissions
    )
    parts = []
    for sub in records(rejected):
        rows = (
            quarantine[quarantine["submission_id"] == sub["submission_id"]]
            if not quarantine.empty
            else quarantine
        )
        parts.append(
            f"<h3>{esc(sub.get('file_name') or sub.get('file_path'))} "
            f'<span class="en">{esc(sub.get("department_zh", sub.get("department_code")))} · '
            f"{esc(sub.get('dataset') or '未识别 unrecognised')} · {stamp(sub.get('received_at'))} · "
            f"{esc(sub['submission_id'])}</span></h3>"
            f'<p class="reasons">{esc(sub.get("reasons"))}</p>'
            f"<details{' open' if len(rows) <= 10 else ''}><summary>隔离行 {len(rows)} 行 · "
            f"{len(rows)} quarantined rows</summary>{quarantine_table(rows)}</details>"
        )
    body = "".join(parts) or '<p class="note">无退回 · No rejections</p>'
    intro = (
        f"共 {len(rejected)} 份报送被退回。请将原因告知报送部门，修改后重新报送。"
        f'<span class="en">{len(rejected)} submissions were rejected; tell the department '
        "what to fix and ask for a resubmission.</span>"
    )
    return section("rejections", "退回的报送", "Rejected submissions", body, intro)


def render_html(data: sd.StewardData, docs_link: str | None, refreshed: str) -> str:
    """The whole steward page."""
    nav = "".join(f'<a href="#{a}">{esc(label)}</a>' for a, label in NAV)
    header = (
        f'<div class="inner"><div class="kicker">planwatch · 数据管理</div>'
        f'<h1>数据报送审核</h1><div class="en">Steward review of submissions</div>'
        f'<div class="meta">数据更新 Data refreshed: {esc(refreshed)}</div><nav>{nav}</nav></div>'
    )
    warn = (
        f'<p class="warn">尚未发布 · Not yet published: {esc(", ".join(data.missing))}</p>'
        if data.missing
        else ""
    )
    body = warn + "".join(
        [
            by_department_section(data.submissions),
            rejections_section(data.submissions, data.quarantine),
            completeness_section(
                data.completeness, data.labels.get("rpt_submission_completeness", {})
            ),
            revisions_section(data.revisions),
            warnings_section(data.warnings),
            validation_section(data.validation, docs_link),
        ]
    )
    footer = (
        "由 planwatch 根据已发布的数据集市生成 · Generated by planwatch from the published marts."
    )
    return page("数据报送审核 · Steward review", header, body, footer)


def write_steward(marts: Marts, out_dir: Path, docs_link: str | None, refreshed: str) -> list[Path]:
    """Write steward-review.html and steward-review.xlsx."""
    data = sd.load(marts)
    html_path = out_dir / "steward-review.html"
    html_path.write_text(render_html(data, docs_link, refreshed), encoding="utf-8")
    return [html_path, write_steward_xlsx(data, out_dir / "steward-review.xlsx")]
