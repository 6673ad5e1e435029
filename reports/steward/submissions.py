"""Steward review sections about what arrived: counts by department, and every rejection."""

from __future__ import annotations

import pandas as pd

from reports.data import records
from reports.render.html import bilingual, esc, num, section, stamp, table
from reports.steward.sections import NOT_PUBLISHED


def pill(status: str, n: int) -> str:
    """A count coloured by submission status, muted when zero."""
    return f'<span class="pill {status if n else "zero"}">{n}</span>'


def year_cell(group: pd.DataFrame, outcomes: list[str]) -> str:
    """Files per outcome (accepted, rejected, duplicate) for one year, as coloured counts."""
    if group.empty or not group["files_received"].sum():
        return '<span class="pill zero">—</span>'
    counts = " ".join(
        pill(code, int(group[f"files_{code}"].sum()))
        for code in outcomes
        if f"files_{code}" in group
    )
    return f'<span class="nowrap">{counts}</span>'  # one line, under its acc · rej · dup head


def by_department_section(
    completeness: pd.DataFrame, submissions: pd.DataFrame, outcomes: pd.DataFrame
) -> str:
    """Files per department, dataset and reporting year, by outcome; then every file."""
    if completeness.empty:
        return section("by-department", "报送概况", "Submissions", NOT_PUBLISHED)
    frame = completeness.assign(year=pd.to_datetime(completeness["period_start"]).dt.year)
    years = sorted(frame["year"].unique())
    codes = list(outcomes.get("status", []))
    names_zh = "、".join(outcomes.get("status_zh", []))
    names_en = ", ".join(str(n).lower() for n in outcomes.get("status_en", []))
    headers = [
        ("部门", "Department"),
        ("数据集", "Dataset"),
        *[(f"{y}年", " · ".join(c[:3] for c in codes)) for y in years],
    ]
    rows = []
    keys = [
        "department_code",
        "department_name_zh",
        "department_name_en",
        "dataset",
        "dataset_name_zh",
        "dataset_name_en",
    ]
    for (_, zh, en, _, dataset_zh, dataset_en), group in frame.groupby(
        keys, dropna=False, sort=True
    ):
        rows.append(
            [
                bilingual(zh, en),
                bilingual(dataset_zh, dataset_en),
                *[year_cell(group[group["year"] == y], codes) for y in years],
            ]
        )
    legend = (
        f"每格依次为报告期内{names_zh}的文件数（按报告年度汇总）。"
        f'<span class="en">Each cell: files {names_en} for periods of '
        "that reporting year.</span>"
    )
    body = table(headers, rows) + files_details(submissions)
    return section(
        "by-department", "报送概况", "Submissions by department and period", body, legend
    )


def files_details(submissions: pd.DataFrame) -> str:
    """Every file that arrived, newest first, folded away."""
    headers = [
        ("文件", "File"),
        ("部门", "Department"),
        ("数据集", "Dataset"),
        ("接收时间", "Received"),
        ("结果", "Outcome"),
        ("收到行", "Rows"),
        ("接收行", "Accepted"),
        ("隔离行", "Quarantined"),
    ]
    rows = [
        [
            esc(r["file_name"]),
            esc(r["department_name_zh"]),
            bilingual(r["dataset_name_zh"], r["dataset_name_en"]),
            stamp(r["received_at"]),
            f'<span class="pill {esc(r["status"])}">{esc(r["status_zh"])} '
            f"{esc(r['status_en'])}</span>",
            num(r["rows_received"]),
            num(r["rows_accepted"]),
            num(r["rows_quarantined"]),
        ]
        for r in records(submissions)
    ]
    return (
        f"<details><summary>全部报送文件 {len(rows)} 个 · All {len(rows)} files</summary>"
        f"{table(headers, rows, numeric=[5, 6, 7])}</details>"
    )


# The page shows this many quarantined rows per file; steward-review.xlsx has every one.
ROWS_SHOWN = 50


def quarantine_table(rows: pd.DataFrame) -> str:
    """The first ROWS_SHOWN quarantined rows of one submission, Chinese reason first, and how
    many more the workbook holds."""
    more = len(rows) - ROWS_SHOWN
    rows = rows.head(ROWS_SHOWN)
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
    rest = (
        f'<p class="note">另有 {more} 处错误未在此列出，全部见 steward-review.xlsx · {more} more '
        "errors are in steward-review.xlsx (sheet 隔离行 Quarantine).</p>"
        if more > 0
        else ""
    )
    return table(headers, body, numeric=[1]) + rest


def held(submission: dict, rows: pd.DataFrame) -> str:
    """What the table below holds: the rows with errors, and that the whole file was held back."""
    bad = len(rows[["sheet", "excel_row"]].drop_duplicates()) if not rows.empty else 0
    total = submission["rows_received"] or 0
    return (
        f"有错误的行 {bad} 行（{len(rows)} 处错误）；整份文件 {num(total)} 行均未接收 · "
        f'<span class="en">{bad} rows with {len(rows)} errors; none of the file\'s '
        f"{num(total)} rows was accepted</span>"
    )


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
        dataset = f"{sub['dataset_name_zh']} {sub['dataset_name_en']}"
        where = f"{sub['department_name_zh']} · {dataset} · {stamp(sub['received_at'])}"
        parts.append(
            f"<h3>{esc(sub['file_name'] or sub['file_path'])} "
            f'<span class="en">{esc(where)} · {esc(sub["submission_id"])}</span></h3>'
            f'<p class="reasons">{esc(sub["reasons"])}</p>'
            f"<details{' open' if len(rows) <= 10 else ''}><summary>{held(sub, rows)}</summary>"
            f"{quarantine_table(rows)}</details>"
        )
    body = "".join(parts) or '<p class="note">无退回 · No rejections</p>'
    intro = (
        f"共 {len(rejected)} 份报送被退回。请将原因告知报送部门，修改后重新报送。"
        f'<span class="en">{len(rejected)} submissions were rejected; tell the department '
        "what to fix and ask for a resubmission.</span>"
    )
    return section("rejections", "退回的报送", "Rejected submissions", body, intro)
