"""The monitoring report: which editions are written, what they show, and that they stand alone.

Every figure, status, label and colour the report shows is compared with the published mart
it must come from.
"""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

import duckdb
import pytest

from orchestration.settings import Paths
from reports.build import build_edition
from reports.data import open_marts
from reports.editions import Edition, editions
from reports.monitoring import write_edition
from reports.plans import find_plan
from reports.render.html import num, pct

PLAN = "220581-14"

EXTERNAL = re.compile(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", re.I)


def sections(html: str) -> dict[str, str]:
    return dict(re.findall(r'<section id="([^"]+)">(.*?)</section>', html, re.S))


def report(published: Paths, stem: str = f"monitoring-report-{PLAN}-2024") -> dict[str, str]:
    return sections((published.reports / f"{stem}.html").read_text(encoding="utf-8"))


def query(marts_db: Path, sql: str, params: list[object] | None = None) -> list[tuple]:
    with duckdb.connect(str(marts_db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def scorecard_rows(marts_db: Path, year: int) -> list[tuple]:
    return query(
        marts_db,
        "select indicator_code, indicator_name_zh, status_zh, status_code, latest_value, "
        "expected_value, baseline_value from rpt_plan_scorecard_as_of "
        "where plan_id = ? and as_of_year = ? order by indicator_seq",
        [PLAN, year],
    )


def test_the_latest_year_and_the_midterm_edition_are_written_with_index_and_steward(
    built: list[Path], published: Paths
):
    names = {path.name for path in built}
    assert names == {
        f"monitoring-report-{PLAN}-2024.html",
        f"monitoring-report-{PLAN}-2024.xlsx",
        f"monitoring-report-{PLAN}-2023-midterm.html",
        f"monitoring-report-{PLAN}-2023-midterm.xlsx",
        "steward-review.html",
        "steward-review.xlsx",
        "index.html",
    }
    assert all(path.stat().st_size > 0 for path in built)
    recorded = json.loads((published.reports / ".written.json").read_text("utf-8"))
    assert set(recorded) >= names and len(recorded) == len(set(recorded))
    index = (published.reports / "index.html").read_text(encoding="utf-8")
    for name in names - {"index.html"}:
        assert f'href="{name}"' in index


def test_the_final_edition_is_chosen_once_the_end_year_has_data_and_judges_each_target(
    marts_db: Path, tmp_path: Path
):
    with open_marts(marts_db) as marts:
        plan = find_plan(marts, PLAN)
        assert Edition(plan, 2025, "final") in editions(plan, [2021, 2022, 2023, 2024, 2025])
        assert all(e.kind != "final" for e in editions(plan, [2021, 2022, 2023, 2024]))
        written = write_edition(marts, Edition(plan, 2025, "final"), tmp_path)
    assert {p.name for p in written} == {
        f"monitoring-report-{PLAN}-2025-final.html",
        f"monitoring-report-{PLAN}-2025-final.xlsx",
    }
    html = written[0].read_text(encoding="utf-8")
    assert "总结评估报告（2025年）" in html and "Final evaluation (2025)" in html
    final = sections(html)["final"]
    judged = query(
        marts_db,
        "select indicator_name_zh, completion_zh, margin from rpt_plan_final_evaluation "
        "where plan_id = ? order by indicator_seq",
        [PLAN],
    )
    assert len(judged) == 22 and html.index('id="final"') < html.index('id="summary"')
    for name, completion, margin in judged:
        [row] = [r for r in final.split("<tr>") if f'<span class="zh">{escape(name)}</span>' in r]
        assert completion in row and num(margin) in row, name
    for zh, n in query(
        marts_db,
        "select completion_zh, count(*) from rpt_plan_final_evaluation where plan_id = ? "
        "group by 1",
        [PLAN],
    ):
        assert f"{zh} {n} 项" in final


def test_an_evaluation_year_reads_the_scorecard_as_of_that_year(marts_db: Path, tmp_path: Path):
    names = {path.name for path in build_edition(marts_db, tmp_path, PLAN, 2022, "annual")}
    assert f"monitoring-report-{PLAN}-2022.html" in names
    html = (tmp_path / f"monitoring-report-{PLAN}-2022.html").read_text(encoding="utf-8")
    assert "截至2022年" in html
    scorecard = sections(html)["scorecard"].split("<tr")
    rows = scorecard_rows(marts_db, 2022)
    assert rows != scorecard_rows(marts_db, 2024), "the as-of years should differ in the fixture"
    for code, _, status, _, latest, _, _ in rows:
        [row] = [r for r in scorecard if f'<span class="code">{code}</span>' in r]
        assert f"<b>{status}</b>" in row and num(latest) in row, code


@pytest.mark.parametrize(
    ("plan", "year", "kind", "region", "reason"),
    [
        (PLAN, 2030, "annual", None, "2030 is not a year of plan 220581-14 (2021–2025)"),
        (PLAN, 2024, "midterm", None, "the midterm evaluation of plan 220581-14 is 2023"),
        (PLAN, 2022, "annual", "990101", "plan 220581-14 is the plan of region 220581"),
        ("220581-99", 2022, "annual", None, "no plan 220581-99 in dim_plan (plans: 220581-14)"),
    ],
)
def test_an_edition_that_does_not_fit_the_plan_is_refused_saying_why(
    marts_db: Path, tmp_path: Path, plan: str, year: int, kind: str, region: str | None, reason: str
):
    with pytest.raises(ValueError, match=re.escape(reason)):
        build_edition(marts_db, tmp_path, plan, year, kind, region)


def test_every_page_is_self_contained(built: list[Path]):
    for page in [p for p in built if p.suffix == ".html"]:
        html = page.read_text(encoding="utf-8")
        assert not EXTERNAL.search(html), page.name
        assert "<script" not in html.lower(), page.name
        assert "url(" not in html and "@import" not in html, page.name
        assert "<style>" in html and 'charset="utf-8"' in html


def test_the_scorecard_shows_each_indicator_as_the_mart_states_it(published: Paths, marts_db: Path):
    scorecard = report(published)["scorecard"]
    rows = scorecard_rows(marts_db, 2024)
    assert len(rows) == 22
    table_rows = scorecard.split("<tr")
    for code, name, status, _, latest, expected, baseline in rows:
        [row] = [r for r in table_rows if f'<span class="zh">{escape(name)}</span>' in r]
        assert f"<b>{status}</b>" in row, (code, status)
        for figure in (latest, expected, baseline):
            assert num(figure) in row, (code, figure)
    for header in ["2020年基期值", "2025年目标值", "最新值", "预期值", "完成进度"]:
        assert header in scorecard


def test_the_scorecard_shows_yoy_growth_beside_the_latest_value_where_the_mart_has_one(
    published: Paths, marts_db: Path
):
    table_rows = report(published)["scorecard"].split("<tr")
    rows = query(
        marts_db,
        "select indicator_code, yoy_growth_pct, unit from rpt_plan_scorecard_as_of "
        "where plan_id = ? and as_of_year = 2024 order by indicator_seq",
        [PLAN],
    )
    with_growth = [(code, growth) for code, growth, _ in rows if growth is not None]
    assert with_growth, "the fixture should give some indicators two consecutive years"
    assert all(unit != "%" for code, growth, unit in rows if growth is not None)
    for code, growth, _ in rows:
        [row] = [r for r in table_rows if f'<span class="code">{code}</span>' in r]
        if growth is None:
            assert "同比" not in row, code
        else:
            assert f"同比 YoY {float(growth):+.1f}%" in row, (code, growth)


def test_the_summary_counts_indicators_per_status(published: Paths, marts_db: Path):
    summary = report(published)["summary"]
    counts = dict(
        query(
            marts_db,
            "select status_code, count(*) from rpt_plan_scorecard_as_of "
            "where plan_id = ? and as_of_year = 2024 group by all",
            [PLAN],
        )
    )
    assert counts.get("lagging") and counts.get("constraint_violated"), "fixture lacks variety"
    expected = (
        f"提前实现{counts.get('achieved_early', 0)}项、快于预期{counts.get('ahead', 0)}项、"
        f"基本符合预期{counts.get('on_track', 0)}项、滞后{counts.get('lagging', 0)}项"
    )
    assert expected in summary
    assert f"约束未达标{counts['constraint_violated']}项" in summary


def test_status_labels_and_colours_come_from_the_status_dim(published: Paths, marts_db: Path):
    html = (published.reports / f"monitoring-report-{PLAN}-2024.html").read_text(encoding="utf-8")
    shown = query(
        marts_db,
        "select distinct s.status_zh, s.status_en, s.status_colour from rpt_plan_scorecard_as_of "
        "join dim_progress_status s using (status_code) where as_of_year = 2024",
    )
    for zh, en, colour in shown:
        assert f'style="--c:{colour}"><i aria-hidden="true"></i><b>{zh}</b> <small>{en}' in html
    notes = sections(html)["notes"]
    for (rule,) in query(marts_db, "select status_rule_zh from dim_progress_status"):
        assert escape(rule) in notes


def test_binding_indicators_are_shown_on_their_own(published: Paths, marts_db: Path):
    binding = report(published)["binding"]
    for code, is_binding in query(marts_db, "select indicator_code, is_binding from dim_indicator"):
        assert (f'<span class="code">{code}</span>' in binding) == is_binding, code


def test_path_and_sector_group_labels_come_from_their_dims(published: Paths, marts_db: Path):
    sections_shown = report(published)
    binding, sectors = sections_shown["binding"], sections_shown["sectors"]
    for code, zh, en in query(
        marts_db,
        "select i.indicator_code, p.path_type_name_zh, p.path_type_name_en "
        "from dim_indicator i join dim_path_type p using (path_type) where i.is_binding",
    ):
        [row] = [r for r in binding.split("<tr>") if f'<span class="code">{code}</span>' in r]
        assert f'<span class="zh">{zh}</span><span class="en">{en}</span>' in row, code
    groups = query(
        marts_db,
        "select sector_group_name_zh, sector_group_name_en from dim_sector_group "
        "where sector_group in (select sector_group from dim_sector)",
    )
    assert groups
    for zh, en in groups:
        assert f'<span class="zh">{zh}</span><span class="en">{en}</span>' in sectors, zh


def test_there_is_a_chart_per_indicator_on_the_mart_path(published: Paths, marts_db: Path):
    charts = report(published)["charts"]
    figures = charts.split("<figure>")[1:]
    assert len(figures) == 22
    assert "规划路径" in charts and "目标 600" in charts
    paths = dict(
        query(
            marts_db,
            "select indicator_code, count(*) from fct_indicator_expected_path "
            "where expected_value is not null group by all",
        )
    )
    seq = dict(query(marts_db, "select indicator_seq, indicator_code from dim_indicator"))
    for figure in figures:
        number = int(re.search(r">(\d+)\. ", figure).group(1))
        dashed = re.search(r'<polyline points="([^"]*)"[^>]*stroke-dasharray', figure)
        drawn = len(dashed.group(1).split()) if dashed else 0
        assert drawn == paths.get(seq[number], 0), seq[number]


def test_boxes_show_the_as_of_summary_of_the_mart(published: Paths, marts_db: Path):
    boxes = report(published)["boxes"]
    assert boxes.count("专栏") >= 30 and "<svg" in boxes
    for (label,) in query(marts_db, "select project_status_zh from dim_project_status"):
        assert label in boxes
    summaries = query(
        marts_db,
        "select box_no, projects_listed, projects_reporting, investment_completion_share "
        "from rpt_project_box_summary_as_of where as_of_year = 2024",
    )
    for box_no, listed, reporting, share in summaries:
        [row] = [r for r in boxes.split("<tr>") if f"专栏 {box_no}</span>" in r]
        assert f">{listed}</span>" in row and f">{reporting}</span>" in row, box_no
        assert f"{pct(share)}<br>" in row and f"{reporting} / {listed} 个项目报送" in row, box_no


def test_a_box_share_is_over_every_listed_project_not_the_reporting_ones(marts_db: Path):
    [(listed, reporting, with_total, invested, total, share)] = query(
        marts_db,
        "select projects_listed, projects_reporting, projects_with_total, cumulative_investment, "
        "total_investment, investment_completion_share from rpt_project_box_summary_as_of "
        "where box_no = 1 and as_of_year = 2024",
    )
    assert 0 < reporting < listed and with_total == reporting
    assert total > 0 and invested > 0, "the reporting projects invested against their totals"
    assert share is None, "the totals of the projects not reported are unknown, so is the share"


def test_a_sector_shows_one_percentage_in_the_chart_and_the_table(published: Paths, marts_db: Path):
    sectors = report(published)["sectors"]
    rows = query(
        marts_db,
        "select sector_name_zh, output_value, share_of_planned_change_achieved "
        "from rpt_sector_scorecard_as_of where as_of_year = 2024 "
        "and output_target_2025 is not null and share_of_planned_change_achieved is not null",
    )
    assert rows, "the fixture reports no sector with a target"
    chart, table = sectors.split("</figure>")
    for name, output, share in rows:
        [bar] = [g for g in chart.split("<g>") if f">{name}</text>" in g]
        assert f"（完成进度 {pct(share)}）" in bar and num(output) in bar, name
        [row] = [r for r in table.split("<tr>") if f'<span class="zh">{escape(name)}</span>' in r]
        assert pct(share) in row, name


def test_the_midterm_edition_reports_as_of_2023(published: Paths):
    html = (published.reports / f"monitoring-report-{PLAN}-2023-midterm.html").read_text("utf-8")
    assert "中期评估报告（2023年）" in html and "截至2023年" in html
    assert "截至2024年" not in html


def test_box_investment_is_shown_in_yi_yuan_not_wan_yuan(published: Paths, marts_db: Path):
    boxes = report(published)["boxes"]
    [(invested, total)] = query(
        marts_db,
        "select cumulative_investment, total_investment from rpt_project_box_summary_as_of "
        "where box_no = 1 and as_of_year = 2024",
    )
    assert "累计完成投资（亿元）" in boxes and "万元" not in boxes
    [row] = [r for r in boxes.split("<tr>") if "专栏 1</span>" in r]
    assert num(float(invested) / 10_000, 2) in row and num(float(total) / 10_000, 2) in row


def test_every_page_built_from_files_marked_synthetic_says_so(
    published: Paths, marts_db: Path, built: list[Path]
):
    [(marked,)] = query(
        marts_db,
        "select count(distinct w.submission_id) from submission_warning w "
        "join submission_log l using (submission_id) "
        "where w.rule = 'synthetic_sample' and l.status = 'accepted'",
    )
    assert marked > 0, "the synthetic submissions say SYNTHETIC in their title"
    pages = [p for p in built if p.suffix == ".html"]
    pages += sorted((published.reports / "notices").glob("*.html"))
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert '<div class="synthetic" role="note">' in html, path.name
        assert f"本页数据含 {marked} 份标注为合成示例的报送文件" in html, path.name
    steward = (published.reports / "steward-review.html").read_text(encoding="utf-8")
    assert "synthetic_sample" not in steward.split('id="warnings"')[1].split("</section>")[0]
