"""Department notices: each department's unfixed rejections with every problem, and what it owes."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
from openpyxl import load_workbook

from orchestration.settings import Paths
from reports.render.html import num


def query(marts_db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(marts_db), read_only=True) as con:
        return con.execute(sql).fetchall()


def sections(path: Path) -> dict[str, str]:
    html = path.read_text(encoding="utf-8")
    return dict(re.findall(r'<section id="([^"]+)">(.*?)</section>', html, re.S))


def test_every_department_gets_an_html_and_an_xlsx_notice_listed_by_name(
    published: Paths, marts_db: Path
):
    folder = published.reports / "notices"
    departments = query(marts_db, "select department_code, name_zh from dim_department")
    assert {p.name for p in folder.iterdir()} == {
        "index.html",
        *{f"{code}.{ext}" for code, _ in departments for ext in ("html", "xlsx")},
    }
    listing = (folder / "index.html").read_text(encoding="utf-8")
    for code, name in departments:
        assert f'<a href="{code}.html"><span class="zh">{name}</span>' in listing
    index = (published.reports / "index.html").read_text(encoding="utf-8")
    assert 'href="notices/index.html"' in index


def test_a_notice_lists_the_rejections_not_yet_fixed_with_every_quarantined_problem(
    published: Paths, marts_db: Path
):
    unfixed = query(
        marts_db,
        "select log.department_code, log.file_name, count(q.quarantine_id) "
        "from submission_log as log left join quarantine as q using (submission_id) "
        "where log.status = 'rejected' and not exists (select 1 from submission_log as later "
        "where later.status = 'accepted' and later.department_code = log.department_code "
        "and later.dataset is not distinct from log.dataset "
        "and later.received_at > log.received_at) group by all",
    )
    assert unfixed, "the synthetic submissions include rejected files"
    for code, file_name, problems in unfixed:
        fix = sections(published.reports / "notices" / f"{code}.html")["to-fix"]
        assert file_name in fix
        if problems:
            rows = [r for r in fix.split("<h3>")[1].split("<tr>") if file_name in r]
            assert len(rows) == problems, (code, file_name)
    for (code,) in query(marts_db, "select department_code from dim_department"):
        mine = [f for c, f, _ in unfixed if c == code]
        fix = sections(published.reports / "notices" / f"{code}.html")["to-fix"]
        assert ("Nothing to correct" in fix) == (not mine), code


def test_a_notice_lists_every_period_due_and_not_complete(published: Paths, marts_db: Path):
    owed = query(
        marts_db,
        "select department_code, period_label, missing_items from rpt_submission_completeness "
        "where is_due and missing_items > 0",
    )
    assert owed
    for code in {c for c, _, _ in owed}:
        mine = [(label, missing) for c, label, missing in owed if c == code]
        section = sections(published.reports / "notices" / f"{code}.html")["owed"]
        assert section.count("<tr>") == len(mine) + 1
        for label, missing in mine:
            assert any(label in r and f"<b>{num(missing)}</b>" in r for r in section.split("<tr>"))
        sheet = load_workbook(published.reports / "notices" / f"{code}.xlsx")["尚未报齐 Owed"]
        assert sheet.max_row == len(mine) + 1
        for row in sheet.iter_rows(min_row=2, values_only=True):
            assert row[1] in {label for label, _ in mine} and isinstance(row[5], int | float)


def test_no_notice_cell_starts_a_formula(published: Paths):
    for path in (published.reports / "notices").glob("*.xlsx"):
        for sheet in load_workbook(path).worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (path.name, cell.coordinate)
