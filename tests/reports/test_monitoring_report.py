"""The monitoring report: which editions are written, what they show, and that they stand alone."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

import duckdb
from marts_fixture import build_marts

from orchestration.settings import Paths
from reports import build_reports

EXTERNAL = re.compile(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", re.I)


def sections(html: str) -> dict[str, str]:
    return dict(re.findall(r'<section id="([^"]+)">(.*?)</section>', html, re.S))


def test_the_latest_year_and_the_midterm_edition_are_written_with_index_and_steward(
    built: list[Path], warehouse: Paths
):
    names = {path.name for path in built}
    assert names == {
        "monitoring-report-2024.html",
        "monitoring-report-2024.xlsx",
        "monitoring-report-2023-midterm.html",
        "monitoring-report-2023-midterm.xlsx",
        "steward-review.html",
        "steward-review.xlsx",
        "index.html",
    }
    assert all(path.parent == warehouse.reports and path.stat().st_size > 0 for path in built)
    index = (warehouse.reports / "index.html").read_text(encoding="utf-8")
    for name in names - {"index.html"}:
        assert f'href="{name}"' in index


def test_a_final_edition_is_written_once_2025_has_data(warehouse: Paths):
    marts = build_marts(warehouse.marts_db, latest_year=2025)
    names = {path.name for path in build_reports(marts, warehouse.reports)}
    assert {"monitoring-report-2025.html", "monitoring-report-2025-final.html"} <= names
    final = (warehouse.reports / "monitoring-report-2025-final.html").read_text(encoding="utf-8")
    assert "总结评估报告（2025年）" in final and "Final evaluation (2025)" in final


def test_an_evaluation_year_can_be_chosen(marts_db: Path, warehouse: Paths):
    names = {path.name for path in build_reports(marts_db, warehouse.reports, 2022)}
    assert "monitoring-report-2022.html" in names
    html = (warehouse.reports / "monitoring-report-2022.html").read_text(encoding="utf-8")
    assert "截至2022年" in html


def test_every_page_is_self_contained(built: list[Path]):
    for page in [p for p in built if p.suffix == ".html"]:
        html = page.read_text(encoding="utf-8")
        assert not EXTERNAL.search(html), page.name
        assert "<script" not in html.lower(), page.name
        assert "url(" not in html and "@import" not in html, page.name
        assert "<style>" in html and 'charset="utf-8"' in html


def test_the_scorecard_lists_the_22_indicators_with_their_status(built, warehouse: Paths):
    html = (warehouse.reports / "monitoring-report-2024.html").read_text(encoding="utf-8")
    scorecard = sections(html)["scorecard"]
    with duckdb.connect(str(warehouse.marts_db), read_only=True) as con:
        rows = con.execute(
            "select i.name_zh, p.status_zh from dim_indicator i join fct_indicator_progress p "
            "using (indicator_code) where p.year = 2024"
        ).fetchall()
    assert len(rows) == 22
    table_rows = scorecard.split("<tr")
    for name, status in rows:
        [row] = [r for r in table_rows if f'<span class="zh">{escape(name)}</span>' in r]
        assert f"<b>{status}</b>" in row, (name, status)
    for header in ["2020年基期值", "2025年目标值", "最新值", "预期值", "完成进度"]:
        assert header in scorecard


def test_the_summary_counts_indicators_per_status(built, warehouse: Paths):
    html = (warehouse.reports / "monitoring-report-2024.html").read_text(encoding="utf-8")
    summary = sections(html)["summary"]
    with duckdb.connect(str(warehouse.marts_db), read_only=True) as con:
        counts = dict(
            con.execute(
                "select status_code, count(*) from fct_indicator_progress where year = 2024 "
                "group by all"
            ).fetchall()
        )
    expected = (
        f"提前实现{counts.get('achieved_early', 0)}项、快于预期{counts.get('ahead', 0)}项、"
        f"基本符合预期{counts.get('on_track', 0)}项、滞后{counts.get('lagging', 0)}项"
    )
    assert expected in summary


def test_binding_indicators_are_shown_on_their_own(built, warehouse: Paths):
    html = (warehouse.reports / "monitoring-report-2024.html").read_text(encoding="utf-8")
    binding = sections(html)["binding"]
    with duckdb.connect(str(warehouse.marts_db), read_only=True) as con:
        codes = con.execute("select indicator_code, is_binding from dim_indicator").fetchall()
    for code, is_binding in codes:
        assert (f'<span class="code">{code}</span>' in binding) == is_binding, code


def test_there_is_a_chart_per_indicator_and_boxes_and_sectors(built, warehouse: Paths):
    parts = sections((warehouse.reports / "monitoring-report-2024.html").read_text("utf-8"))
    assert parts["charts"].count("<svg") == 22
    assert "规划路径" in parts["charts"] and "目标 600" in parts["charts"]
    assert parts["boxes"].count("专栏") >= 30 and "<svg" in parts["boxes"]
    assert "医药健康" in parts["sectors"] and "300" in parts["sectors"]


def test_the_midterm_edition_reports_as_of_2023(built, warehouse: Paths):
    html = (warehouse.reports / "monitoring-report-2023-midterm.html").read_text("utf-8")
    assert "中期评估报告（2023年）" in html and "截至2023年" in html
    assert "截至2024年" not in html
