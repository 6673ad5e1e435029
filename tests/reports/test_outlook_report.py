"""The outlook in the monitoring report: the mid-term 预警 section, the warning in each scorecard.

Every figure and label is compared with the published mart row it must come from.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

import duckdb

from orchestration.settings import Paths
from reports.render.html import num

PLAN = "220581-14"
MIDTERM = f"monitoring-report-{PLAN}-2023-midterm"
ANNUAL = f"monitoring-report-{PLAN}-2024"


def html_of(published: Paths, stem: str) -> str:
    return (published.reports / f"{stem}.html").read_text(encoding="utf-8")


def sections(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<section id="([^"]+)">(.*?)</section>', html, re.S)


def query(marts_db: Path, sql: str, params: list[object]) -> list[dict]:
    with duckdb.connect(str(marts_db), read_only=True) as con:
        cursor = con.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def card(marts_db: Path, year: int) -> list[dict]:
    return query(
        marts_db,
        "select * from rpt_plan_scorecard_as_of where plan_id = ? and as_of_year = ? "
        "order by warning_sort_order nulls last, indicator_seq",
        [PLAN, year],
    )


def table_row(section: str, code: str) -> str:
    [row] = [r for r in section.split("<tr") if f'<span class="code">{code}</span>' in r]
    return row


def rate(row: dict, growth: str, change: str) -> str:
    if row["outlook_formula"] == "compound":
        return f"{num(row[growth], 1)}%"
    value = row[change]
    return ("+" if value > 0 else "") + num(value, 2)


def test_the_midterm_edition_opens_with_the_red_and_yellow_targets_of_the_mart(
    published: Paths, marts_db: Path
):
    html = html_of(published, MIDTERM)
    ordered = sections(html)
    assert ordered[0][0] == "warnings"
    body = ordered[0][1]
    warned = [r for r in card(marts_db, 2023) if r["warning_level"] in ("red", "yellow")]
    assert warned, "the synthetic submissions give the mid-term at least one warning"
    listed = re.findall(r'<span class="code">([^<]+)</span>', body.split("<figure>")[0])
    assert listed == [r["indicator_code"] for r in warned]
    for row in warned:
        cells = table_row(body, row["indicator_code"])
        assert f"<b>{row['warning_zh']}</b>" in cells
        assert rate(row, "required_cagr_remaining_pct", "required_annual_change_remaining") in cells
        assert rate(row, "actual_cagr_pct", "actual_annual_change") in cells
        assert num(row["projected_end_value"]) in cells
        assert num(row["projected_end_margin"]) in cells
        assert f">{num(row['remaining_years'])}<" in cells


def test_each_warned_target_has_a_chart_of_its_projection_against_the_target(
    published: Paths, marts_db: Path
):
    body = dict(sections(html_of(published, MIDTERM)))["warnings"]
    warned = [r for r in card(marts_db, 2023) if r["warning_level"] in ("red", "yellow")]
    figures = body.split("<figure>")[1:]
    assert len(figures) == len(warned)
    for row, figure in zip(warned, figures, strict=True):
        assert f"{row['indicator_seq']}. {escape(row['indicator_name_zh'])}" in figure
        assert 'class="projection"' in figure
        assert f"预测 {num(row['projected_end_value'])}" in figure
        assert f"目标 {num(row['target_value'])}" in figure
        assert f"<b>{row['warning_zh']}</b>" in figure


def test_green_and_unwarned_targets_stay_out_of_the_warning_section(
    published: Paths, marts_db: Path
):
    body = dict(sections(html_of(published, MIDTERM)))["warnings"]
    quiet = [r for r in card(marts_db, 2023) if r["warning_level"] not in ("red", "yellow")]
    assert quiet
    for row in quiet:
        assert f'<span class="code">{row["indicator_code"]}</span>' not in body


def test_the_annual_edition_shows_the_warning_beside_each_status(published: Paths, marts_db: Path):
    html = html_of(published, ANNUAL)
    found = dict(sections(html))
    assert "warnings" not in found
    scorecard = found["scorecard"]
    rows = card(marts_db, 2024)
    assert any(r["warning_level"] for r in rows)
    for row in rows:
        cells = table_row(scorecard, row["indicator_code"])
        assert f"<b>{row['status_zh']}</b>" in cells
        if row["warning_level"] is None:
            assert 'class="warning"' not in cells
        else:
            beside = cells.split('class="warning"')[1]
            assert f"<b>{row['warning_zh']}</b> <small>{row['warning_en']}</small>" in beside


def test_warning_labels_and_colours_come_from_the_warning_dim(published: Paths, marts_db: Path):
    html = html_of(published, MIDTERM)
    levels = query(marts_db, "select * from dim_warning_level order by warning_sort_order", [])
    assert [r["warning_level"] for r in levels] == ["red", "yellow", "green"]
    for level in levels:
        badge = f'style="--c:{level["warning_colour"]}"><i aria-hidden="true"></i><b>'
        assert badge + f"{level['warning_zh']}</b>" in html
        assert escape(level["warning_rule_en"]) in html
