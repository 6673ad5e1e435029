"""The steward review: submissions, rejections, missing, revisions, warnings, validation."""

from __future__ import annotations

import re
from pathlib import Path

from orchestration.settings import Paths
from reports import build_reports


def page(warehouse: Paths) -> dict[str, str]:
    html = (warehouse.reports / "steward-review.html").read_text(encoding="utf-8")
    return dict(re.findall(r'<section id="([^"]+)">(.*?)</section>', html, re.S))


def test_submissions_are_counted_by_department_dataset_and_year(built, warehouse: Paths):
    summary = page(warehouse)["by-department"].split("<details>")[0]
    [stats] = [row for row in summary.split("<tr>") if "梅河口市统计局" in row]
    accepted, rejected, duplicate = (
        f'<span class="pill {s}">1</span>' for s in ("accepted", "rejected", "duplicate")
    )
    assert "2024年" in summary and "2025年" in summary
    assert accepted in stats and duplicate in stats and rejected not in stats
    [water] = [row for row in summary.split("<tr>") if "梅河口市水利局" in row]
    assert rejected in water and accepted not in water


def test_every_file_is_listed(built, warehouse: Paths):
    summary = page(warehouse)["by-department"]
    assert "All 5 files" in summary
    for name in ["indicators-2024.xlsx", "finance-2024.csv", "@SUM(1+1).xlsx"]:
        assert name in summary


def test_every_rejection_shows_its_reasons_and_quarantined_rows(built, warehouse: Paths):
    rejections = page(warehouse)["rejections"]
    assert "@SUM(1+1).xlsx" in rejections and "water-2024.xlsx" in rejections
    assert "表头无法识别" in rejections and "未知产业：新能源车" in rejections
    assert "2 quarantined rows" in rejections and "1 quarantined rows" in rejections
    assert "not_a_number" in rejections and "header_not_recognised" in rejections


def test_submitted_text_is_escaped_not_executed(built, warehouse: Paths):
    html = (warehouse.reports / "steward-review.html").read_text(encoding="utf-8")
    assert "<script" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


def test_missing_and_overdue_submissions_are_listed(built, warehouse: Paths):
    missing = page(warehouse)["missing"]
    assert "梅河口市卫生健康局" in missing and "梅河口市水利局" in missing
    assert "梅河口市统计局" not in missing and "梅河口市财政局" not in missing
    assert "3 of the 5 periods already due are overdue" in missing


def test_revisions_show_old_and_new_value(built, warehouse: Paths):
    revisions = page(warehouse)["revisions"]
    assert "地区生产总值" in revisions and "S-2023-v1 → S-2023" in revisions
    old, new = re.findall(r"<td class=\"num\">(?:<b>)?([\d,.]+)", revisions)[-2:]
    assert float(new.replace(",", "")) - float(old.replace(",", "")) == 12.5


def test_warnings_await_review(built, warehouse: Paths):
    warnings = page(warehouse)["warnings"]
    assert "extra_column" in warnings and "多余的列已忽略" in warnings


def test_the_latest_validation_run_is_shown_with_failures_first(built, warehouse: Paths):
    validation = page(warehouse)["validation"]
    assert "run-2" in validation and "run-1" not in validation
    rows = validation.split("<tbody>")[1]
    assert rows.index("marts.fct_project_progress") < rows.index("marts.fct_indicator_progress")
    assert "GX Data Docs not built yet" in validation


def test_the_gx_data_docs_are_linked_relatively_when_built(marts_db: Path, warehouse: Paths):
    docs = warehouse.gx / "data_docs" / "local_site" / "index.html"
    docs.parent.mkdir(parents=True)
    docs.write_text("<html></html>", encoding="utf-8")
    build_reports(marts_db, warehouse.reports)
    assert 'href="../gx/data_docs/local_site/index.html"' in page(warehouse)["validation"]
    index = (warehouse.reports / "index.html").read_text(encoding="utf-8")
    assert 'href="../gx/data_docs/local_site/index.html"' in index
