"""Steward review sections about what arrived: counts by department, and every rejection."""

from __future__ import annotations

import pandas as pd

from reports.data import records
from reports.html import bilingual, esc, num, section, stamp, table
from reports.steward_sections import DATASETS

STATUSES = [
    ("accepted", "接收", "Accepted"),
    ("rejected", "退回", "Rejected"),
    ("duplicate", "重复", "Duplicate"),
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
        for (_, zh, en, period), group in submissions.groupby(keys, dropna=False, sort=True):
            counts = group["status"].value_counts()
            rows.append(
                [
                    bilingual(zh, en),
                    esc(period),
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
        dataset = " ".join(DATASETS.get(sub["dataset"], ("未识别", "unrecognised")))
        where = f"{sub['department_zh']} · {dataset} · {stamp(sub['received_at'])}"
        parts.append(
            f"<h3>{esc(sub['file_name'] or sub['file_path'])} "
            f'<span class="en">{esc(where)} · {esc(sub["submission_id"])}</span></h3>'
            f'<p class="reasons">{esc(sub["reasons"])}</p>'
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
