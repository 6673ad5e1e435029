"""The steward review: submissions, rejections, missing, revisions, warnings, validation."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
from synthetic import SCRIPT, SUM

from orchestration.settings import Paths
from reports.render.html import num


def page(published: Paths) -> dict[str, str]:
    html = (published.reports / "steward-review.html").read_text(encoding="utf-8")
    return dict(re.findall(r'<section id="([^"]+)">(.*?)</section>', html, re.S))


def query(marts_db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(marts_db), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_files_are_counted_by_department_dataset_and_year_as_the_mart_counts_them(
    published: Paths, marts_db: Path
):
    summary = page(published)["by-department"].split("<details>")[0]
    counts = query(
        marts_db,
        "select d.name_zh, year(c.period_start) as year, sum(files_accepted), "
        "sum(files_rejected), sum(files_duplicate) from rpt_submission_completeness c "
        "join dim_department d using (department_code) where c.dataset = 'indicator_values' "
        "and c.department_code in ('stats', 'water') group by all order by all",
    )
    assert {name for name, *_ in counts} == {"梅河口市统计局", "梅河口市水利局"}
    for name, year, accepted, rejected, duplicate in counts:
        [row] = [r for r in summary.split("<tr>") if name in r and "指标数据" in r]
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
        header = re.findall(r"<th[^>]*>(.*?)</th>", summary)
        cell = cells[next(i for i, h in enumerate(header) if f"{year}年" in h)]
        for status, n in (("accepted", accepted), ("rejected", rejected), ("duplicate", duplicate)):
            if n:
                assert f'<span class="pill {status}">{n}</span>' in cell, (name, year, status)


def test_every_file_is_listed(published: Paths, marts_db: Path):
    summary = page(published)["by-department"]
    names = [name for (name,) in query(marts_db, "select file_name from submission_log")]
    assert f"All {len(names)} files" in summary
    for name in names:
        assert name in summary


def test_every_rejection_shows_its_reasons_and_quarantined_rows(published: Paths, marts_db: Path):
    rejections = page(published)["rejections"]
    rejected = query(
        marts_db,
        "select log.file_name, count(quarantine.quarantine_id) from submission_log as log "
        "left join quarantine using (submission_id) where log.status = 'rejected' group by all",
    )
    assert {name for name, _ in rejected} >= {f"{SUM}.csv", "water-2024.csv"}
    for name, rows in rejected:
        assert name in rejections and f"rows with {rows} errors" in rejections, name
    assert "未找到可识别的表头" in rejections and "产业“新能源车”不在产业目录中" in rejections
    assert "formula_in_cell" in rejections and "unknown_sector" in rejections


def test_submitted_text_is_escaped_not_executed(published: Paths):
    html = (published.reports / "steward-review.html").read_text(encoding="utf-8")
    assert SCRIPT in (published.raw / "stats" / "季度快报_2024Q3.csv").read_text("utf-8")
    assert "<script" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


def test_missing_and_overdue_submissions_are_listed(published: Paths, marts_db: Path):
    missing = page(published)["missing"]
    overdue = query(
        marts_db,
        "select distinct d.name_zh from rpt_submission_completeness c "
        "join dim_department d using (department_code) where c.is_overdue",
    )
    on_time = query(
        marts_db,
        "select d.name_zh from rpt_submission_completeness c join dim_department d "
        "using (department_code) group by all having not bool_or(c.is_overdue)",
    )
    assert overdue
    for (name,) in overdue:
        assert name in missing, name
    for (name,) in on_time:
        assert name not in missing.split("<details>")[0], name
    [(due, late)] = query(
        marts_db,
        "select count(*) filter (where is_due), count(*) filter (where is_overdue) "
        "from rpt_submission_completeness",
    )
    assert f"{late} of the {due} periods already due are overdue" in missing


def test_revisions_show_old_and_new_value(published: Paths):
    revisions = page(published)["revisions"]
    assert "地区生产总值" in revisions and "2023" in revisions
    assert f'<td class="num">{num(430)}</td>' in revisions
    assert f"<b>{num(442.5)}</b> 亿元" in revisions


def test_warnings_await_review(published: Paths):
    warnings = page(published)["warnings"]
    assert "extra_column_ignored" in warnings and SUM in warnings
    assert "formula_neutralised" in warnings and "已在前面加单引号" in warnings


def test_validation_shows_failures_in_full_and_passed_checks_as_counts_per_suite(
    published: Paths, marts_db: Path
):
    validation = page(published)["validation"]
    [(run_id, expectations, failed)] = query(
        marts_db,
        "select run_id, count(*), count(*) filter (where not success) from validation_result "
        "where run_id = (select arg_max(run_id, validated_at) from validation_result) group by 1",
    )
    per_suite = query(
        marts_db,
        "select suite, count(*), count(*) filter (where success) from validation_result "
        "where run_id = (select arg_max(run_id, validated_at) from validation_result) "
        "group by 1 order by 1",
    )
    assert run_id in validation
    assert f"{expectations} 条规则，未通过 <b>{failed}</b> 条" in validation
    [(validated_utc, validated_beijing)] = query(
        marts_db,
        "select strftime(max(validated_at) at time zone 'UTC', '%Y-%m-%d %H:%M'), "
        "strftime(max(validated_at) at time zone 'Asia/Shanghai', '%Y-%m-%d %H:%M') "
        "from validation_result",
    )
    assert f"最近一次校验（{validated_beijing}，" in validation, "shown in Asia/Shanghai time"
    assert validated_utc != validated_beijing
    failures, suites = validation.split("<details>")
    assert failures.count("<tr>") == failed + (1 if failed else 0)
    assert "expect_" not in suites
    assert f"({len(per_suite)} suites)" in suites
    for suite, total, passed in per_suite:
        [row] = [r for r in suites.split("<tr>") if f">{suite}</td>" in r]
        assert re.findall(r'<td class="num">(.*?)</td>', row)[:2] == [num(total), num(passed)]
    assert len(validation) < 40_000


def test_warnings_and_rejections_name_departments_and_datasets_by_name(published: Paths):
    sections = page(published)
    assert "梅河口市统计局" in sections["warnings"]
    assert '<td class="code">stats</td>' not in sections["warnings"]
    assert "指标数据" in sections["rejections"]
    assert re.search(
        r"有错误的行 \d+ 行（\d+ 处错误）；整份文件 [\d,]+ 行均未接收", sections["rejections"]
    )


def test_the_gx_data_docs_are_linked_relatively(published: Paths):
    validation = page(published)["validation"]
    [href] = re.findall(r'<a href="([^"]+)">打开 Great Expectations 数据文档', validation)
    assert not href.startswith(("/", "http")) and (published.reports / href).resolve().exists()
    index = (published.reports / "index.html").read_text(encoding="utf-8")
    assert f'href="{href}"' in index


def test_the_page_shows_a_bounded_number_of_quarantined_rows_per_file(marts_db: Path):
    """A file of thousands of bad rows must not make the page huge; the xlsx keeps them all."""
    import pandas as pd

    from reports.steward.submissions import ROWS_SHOWN, quarantine_table

    with duckdb.connect(str(marts_db), read_only=True) as con:
        rows = con.execute("select * from quarantine").df()
    assert not rows.empty
    many = pd.concat([rows] * (ROWS_SHOWN // len(rows) + 2), ignore_index=True)
    html = quarantine_table(many)
    assert html.split("<tbody>")[1].count("<tr>") == ROWS_SHOWN
    assert f"另有 {len(many) - ROWS_SHOWN} 处错误未在此列出" in html
    assert "另有" not in quarantine_table(rows.head(ROWS_SHOWN))
