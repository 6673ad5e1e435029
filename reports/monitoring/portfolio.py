"""Report sections about major projects by box (专栏) and industry sectors."""

from __future__ import annotations

import pandas as pd

from reports.plans import Plan
from reports.render.badges import Statuses
from reports.render.bars import Bar, bar_chart
from reports.render.html import bilingual, esc, is_missing, num, pct, section, table


def _count(value: object, colour: str = "") -> str:
    """A count, blank-looking when zero so the non-zero ones stand out (in `colour` if given)."""
    n = 0 if is_missing(value) else int(value)
    tint = f' style="color:{esc(colour)}"' if colour and n else ""
    return f'<span class="pill {"zero" if n == 0 else ""}"{tint}>{n}</span>'


WAN_PER_YI = 10_000


def _amount(value: object) -> float | None:
    return None if is_missing(value) else float(value)


def _yi(wan: object) -> float | None:
    """An amount the marts hold in 万元, in 亿元 (10⁸ yuan) as officials read investment."""
    return None if is_missing(wan) else float(wan) / WAN_PER_YI


def _share_reported(row: object) -> str:
    """The box's share invested (over every listed project) beside how many of them reported."""
    reported, listed = int(row.projects_reporting), int(row.projects_listed)
    return (
        f'{pct(row.investment_completion_share)}<br><span class="nowrap">'
        f"{reported} / {listed} 个项目报送</span>"
        f'<span class="en">{reported} of {listed} projects reported</span>'
    )


def boxes_section(boxes: pd.DataFrame, project_statuses: list[dict], year: int) -> str:
    """The 30 boxes: projects by status from their latest report, and investment completed."""
    if boxes.empty:
        return section(
            "boxes", "重大项目", "Major projects", '<p class="note">未发布 · Not published</p>'
        )
    headers = [
        ("专栏", "Box"),
        ("项目数", "Listed"),
        ("已报送", "Reported"),
        *[(s["project_status_zh"], s["project_status_en"]) for s in project_statuses],
        ("停滞", "Stalled"),
        ("累计完成投资（亿元）", "Invested to date (100m yuan)"),
        ("总投资（亿元）", "Total (100m yuan)"),
        ("投资完成率", "Share invested"),
    ]
    colours = {s["project_status_code"]: s["project_status_colour"] for s in project_statuses}
    rows = [
        [
            f'<span class="code">专栏 {esc(row.box_no)}</span> '
            + bilingual(row.box_title_zh, row.box_title_en),
            _count(row.projects_listed),
            _count(row.projects_reporting),
            *[_count(getattr(row, f"projects_{code}"), colour) for code, colour in colours.items()],
            _count(row.projects_stalled),
            num(_yi(row.cumulative_investment), 2),
            num(_yi(row.total_investment), 2),
            _share_reported(row),
        ]
        for row in boxes.itertuples()
    ]
    bars = [
        Bar(
            f"{r.box_no}. {r.box_title_zh}",
            _yi(r.cumulative_investment),
            None if is_missing(r.investment_completion_share) else _yi(r.total_investment),
            _amount(r.investment_completion_share),
            f"专栏{r.box_no} {r.box_title_zh} · {r.box_title_en}",
        )
        for r in boxes.itertuples()
    ]
    chart = bar_chart(
        bars,
        title=f"各专栏重大项目投资完成情况（截至{year}年底） Investment by box",
        done_label="累计完成投资 Invested to date",
        whole_label="总投资 Total investment",
        unit="亿元",
        share_digits=0,
    )
    intro = (
        f"每个项目取截至{year}年底的最近一次报送；投资完成率按专栏全部项目计算，"
        "未报送项目计为零投资，全部项目总投资已知前不计算（—）。"
        f'<span class="en">Each project as of its latest report up to the end of {year}; the '
        "share invested is over every listed project, one not reported counting nothing, and "
        "is left blank (—) until every listed project's total is known.</span>"
    )
    body = f"<figure>{chart}</figure><h3>分专栏统计 <span class='en'>By box</span></h3>"
    body += table(headers, rows, numeric=list(range(1, len(headers))))
    return section("boxes", "重大项目（30个专栏）", "Major projects in the 30 boxes", body, intro)


def sectors_section(sectors: pd.DataFrame, statuses: Statuses, year: int, plan: Plan) -> str:
    """Sectors against the output targets the plan states for its end year."""
    end = plan.end_year
    if sectors.empty:
        return section(
            "sectors", "产业发展", "Industry sectors", '<p class="note">未发布 · Not published</p>'
        )
    headers = [
        ("产业", "Sector"),
        ("类别", "Group"),
        (f"{end}年产值目标（亿元）", f"{end} output target"),
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
            at_least + num(row.output_target_value)
            if not is_missing(row.output_target_value)
            else bilingual("未量化", "not quantified")
        )
        when = (
            ""
            if is_missing(row.latest_year) or row.latest_year == year
            else f'<span class="en">{int(row.latest_year)}年</span>'
        )
        rows.append(
            [
                bilingual(row.sector_name_zh, row.sector_name_en),
                '<span class="nowrap">'
                + bilingual(row.sector_group_name_zh, row.sector_group_name_en)
                + "</span>",
                target,
                num(row.output_value) + when,
                num(row.expected_value),
                pct(row.share_of_planned_change_achieved),
                num(row.enterprises),
                statuses.badge(row.status_code),
            ]
        )
    targeted = sectors[sectors["output_target_value"].notna()]
    chart = bar_chart(
        [
            Bar(
                str(r.sector_name_zh),
                _amount(r.output_value),
                float(r.output_target_value),
                _amount(r.share_of_planned_change_achieved),
                f"{r.sector_name_zh} {r.sector_name_en}",
            )
            for r in targeted.itertuples()
        ],
        title=f"产业产值与{end}年目标（{year}年） Output against the {end} target",
        done_label="最新产值 Latest output",
        whole_label=f"{end}年目标 Target",
        unit="亿元",
        share_label="完成进度 ",
        colour="#1f6f8b",
    )
    body = (f"<figure>{chart}</figure>" if len(targeted) else "") + table(
        headers, rows, numeric=[2, 3, 4, 5, 6]
    )
    return section("sectors", "产业发展", f"Industry sectors against their {end} targets", body)
