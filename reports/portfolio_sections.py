"""Report sections about major projects by box (专栏) and industry sectors."""

from __future__ import annotations

import pandas as pd

from reports.bars import Bar, bar_chart
from reports.html import bilingual, esc, is_missing, num, pct, section, table
from reports.portfolio_data import PROJECT_STATUSES
from reports.status import badge

SECTOR_GROUPS = {
    "leading": ("主导产业", "Leading"),
    "tourism": ("旅游产业", "Tourism"),
    "emerging": ("新兴产业", "Emerging"),
}


def _count(value: object) -> str:
    """A count, blank-looking when zero so the non-zero ones stand out."""
    n = 0 if is_missing(value) else int(value)
    return f'<span class="pill {"zero" if n == 0 else ""}">{n}</span>'


def boxes_section(boxes: pd.DataFrame, year: int) -> str:
    """The 30 boxes: projects by status from their latest report, and investment completed."""
    if boxes.empty:
        return section(
            "boxes", "重大项目", "Major projects", '<p class="note">未发布 · Not published</p>'
        )
    headers = [
        ("专栏", "Box"),
        ("项目数", "Listed"),
        ("已报送", "Reported"),
        *[(zh, en) for _, zh, en in PROJECT_STATUSES],
        ("停滞", "Stalled"),
        ("累计完成投资（万元）", "Invested to date (10k yuan)"),
        ("总投资（万元）", "Total (10k yuan)"),
        ("投资完成率", "Share invested"),
    ]
    rows = []
    for row in boxes.itertuples():
        share = (
            row.cumulative_investment / row.total_investment
            if not is_missing(row.total_investment) and row.total_investment
            else None
        )
        rows.append(
            [
                f'<span class="code">专栏 {esc(row.box_no)}</span> '
                + bilingual(row.box_title_zh, row.box_title_en),
                _count(row.projects_listed),
                _count(row.projects_reported),
                *[_count(getattr(row, f"n_{code}")) for code, _, _ in PROJECT_STATUSES],
                _count(row.n_stalled),
                num(row.cumulative_investment),
                num(row.total_investment),
                pct(share),
            ]
        )
    bars = [
        Bar(
            f"{r.box_no}. {r.box_title_zh}",
            None if is_missing(r.cumulative_investment) else float(r.cumulative_investment),
            None if is_missing(r.total_investment) else float(r.total_investment),
            f"专栏{r.box_no} {r.box_title_zh} · {r.box_title_en}",
        )
        for r in boxes.itertuples()
    ]
    chart = bar_chart(
        bars,
        title=f"各专栏重大项目投资完成情况（截至{year}年底） Investment by box",
        done_label="累计完成投资 Invested to date",
        whole_label="总投资 Total investment",
        unit="万元",
    )
    intro = (
        f"每个项目取截至{year}年底的最近一次报送。"
        f'<span class="en">Each project as of its latest report up to the end of {year}.</span>'
    )
    body = f"<figure>{chart}</figure><h3>分专栏统计 <span class='en'>By box</span></h3>"
    body += table(headers, rows, numeric=list(range(1, 12)))
    return section("boxes", "重大项目（30个专栏）", "Major projects in the 30 boxes", body, intro)


def sectors_section(sectors: pd.DataFrame, year: int) -> str:
    """Sectors against the 2025 output targets the plan states."""
    if sectors.empty:
        return section(
            "sectors", "产业发展", "Industry sectors", '<p class="note">未发布 · Not published</p>'
        )
    headers = [
        ("产业", "Sector"),
        ("类别", "Group"),
        ("2025年产值目标（亿元）", "2025 output target"),
        ("最新产值（亿元）", "Latest output"),
        ("预期值", "Expected"),
        ("完成进度", "Share achieved"),
        ("规上企业（户）", "Enterprises"),
        ("状态", "Status"),
    ]
    rows = []
    for row in sectors.itertuples():
        at_least = "≥ " if row.output_target_comparison == "at_least" else ""
        target = (
            at_least + num(row.output_target_2025)
            if not is_missing(row.output_target_2025)
            else bilingual("未量化", "not quantified")
        )
        when = (
            ""
            if is_missing(row.latest_year) or row.latest_year == year
            else f'<span class="en">{int(row.latest_year)}年</span>'
        )
        rows.append(
            [
                bilingual(row.name_zh, row.name_en),
                '<span class="nowrap">'
                + bilingual(*SECTOR_GROUPS.get(row.sector_group, (row.sector_group, "")))
                + "</span>",
                target,
                num(row.output_value) + when,
                num(row.expected_value),
                pct(row.share_achieved),
                num(row.enterprises),
                badge(row.status_code, row.status_zh, row.status_en),
            ]
        )
    targeted = sectors[sectors["output_target_2025"].notna()]
    chart = bar_chart(
        [
            Bar(
                str(r.name_zh),
                None if is_missing(r.output_value) else float(r.output_value),
                float(r.output_target_2025),
                f"{r.name_zh} {r.name_en}",
            )
            for r in targeted.itertuples()
        ],
        title=f"产业产值与2025年目标（{year}年） Output against the 2025 target",
        done_label="最新产值 Latest output",
        whole_label="2025年目标 Target",
        unit="亿元",
        colour="#1f6f8b",
    )
    body = (f"<figure>{chart}</figure>" if len(targeted) else "") + table(
        headers, rows, numeric=[2, 3, 4, 5, 6]
    )
    return section("sectors", "产业发展", "Industry sectors against their 2025 targets", body)
