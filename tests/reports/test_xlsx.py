"""Workbooks: headers are the marts' comments, figures the marts', no cell starts a formula."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import duckdb
import pandas as pd
import pytest
from openpyxl import load_workbook
from synthetic import SUM

from orchestration.cells import SIGNED_NUMBER
from orchestration.settings import TIMEZONE, Paths
from reports.data import split_label
from reports.render.xlsx import Column, neutralise, open_workbook, write_table

PLAN = "220581-14"
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
        ("+1+1", "'+1+1"),
        ("-2", "-2"),
        ("-2+A1", "'-2+A1"),
        ("  =1", "'  =1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("地区生产总值", "地区生产总值"),
        ("a=1", "a=1"),
    ],
)
def test_text_that_could_start_a_formula_is_neutralised(text: str, written: str):
    assert neutralise(text) == written


def cells(path: Path):
    book = load_workbook(path)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            yield from row


def comments(marts_db: Path, table: str) -> dict[str, str]:
    with duckdb.connect(str(marts_db), read_only=True) as con:
        rows = con.execute(
            "select column_name, comment from duckdb_columns() where table_name = ?", [table]
        ).fetchall()
    return {column: "\n".join(split_label(comment)) for column, comment in rows}


def test_no_cell_of_any_workbook_starts_a_formula(built: list[Path]):
    workbooks = [p for p in built if p.suffix == ".xlsx"]
    assert len(workbooks) == 3
    for path in workbooks:
        for cell in cells(path):
            assert cell.data_type != "f", (path.name, cell.coordinate, cell.value)
            if isinstance(cell.value, str) and not SIGNED_NUMBER.fullmatch(cell.value):
                assert not cell.value.startswith(DANGEROUS), (path.name, cell.coordinate)


def test_submitted_formula_text_survives_as_inert_text(published: Paths):
    texts = [c.value for c in cells(published.reports / "steward-review.xlsx")]
    assert f"'{SUM}.csv" in texts  # a file name
    assert f"'{SUM}" in texts  # a header a department wrote, in a warning


def test_numbers_stay_numbers(tmp_path: Path):
    book = open_workbook(tmp_path / "t.xlsx")
    frame = pd.DataFrame({"n": [1.5, None], "s": ["-3", "x"]})
    labels = {"n": ("数", "number"), "s": ("文", "text")}
    write_table(book, "t", frame, [Column("n"), Column("s")], labels)
    book.close()
    sheet = load_workbook(tmp_path / "t.xlsx")["t"]
    assert sheet["A1"].value == "数\nnumber"
    assert sheet["A2"].value == 1.5 and sheet["A2"].data_type == "n"
    assert sheet["A3"].value is None
    assert sheet["B2"].value == "-3" and sheet["B2"].data_type == "s"


def test_a_column_the_marts_do_not_describe_is_refused(tmp_path: Path):
    book = open_workbook(tmp_path / "t.xlsx")
    with pytest.raises(KeyError, match="no label for column 'undocumented'"):
        write_table(book, "t", pd.DataFrame({"undocumented": [1]}), [Column("undocumented")], {})
    book.close()


def test_the_monitoring_workbook_shows_the_marts_scorecard_under_their_labels(
    published: Paths, marts_db: Path
):
    book = load_workbook(published.reports / "monitoring-report-220581-14-2024.xlsx")
    assert "计分卡 Scorecard" in book.sheetnames and "约束性指标 Binding" in book.sheetnames
    labels = comments(marts_db, "rpt_plan_scorecard_as_of")
    sheet = book["计分卡 Scorecard"]
    header = [c.value for c in sheet[3]]
    assert header[:4] == [labels[c] for c in ("indicator_seq", "indicator_code", "category_zh")] + [
        labels["indicator_name_zh"]
    ]
    rows = [dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=4, values_only=True)]
    with duckdb.connect(str(marts_db), read_only=True) as con:
        mart = con.execute(
            "select indicator_code, latest_value, status_zh, is_binding from "
            "rpt_plan_scorecard_as_of where plan_id = ? and as_of_year = 2024",
            [PLAN],
        ).fetchall()
    assert len(rows) == len(mart) == 22
    shown = {r[labels["indicator_code"]]: r for r in rows}
    for code, latest, status, _ in mart:
        assert shown[code][labels["status_zh"]] == status, code
        assert shown[code][labels["latest_value"]] == (None if latest is None else float(latest))
    binding = book["约束性指标 Binding"]
    assert len([r for r in binding.iter_rows(min_row=4, values_only=True) if r[0]]) == sum(
        1 for *_, is_binding in mart if is_binding
    )


def test_every_sheet_header_is_a_column_comment_of_the_marts(published: Paths, marts_db: Path):
    sheets = {
        "monitoring-report-220581-14-2024.xlsx": {
            "计分卡 Scorecard": "rpt_plan_scorecard_as_of",
            "重大项目 Boxes": "rpt_project_box_summary_as_of",
            "产业 Sectors": "rpt_sector_scorecard_as_of",
        },
        "steward-review.xlsx": {
            "报送 Submissions": ("submission_log", "dim_dataset", "dim_submission_status"),
            "隔离行 Quarantine": "quarantine",
            "修订 Revisions": "fct_indicator_value",
        },
    }
    for workbook, tables in sheets.items():
        book = load_workbook(published.reports / workbook)
        for sheet, table in tables.items():
            rows = list(book[sheet].iter_rows(values_only=True))
            header = next(r for r in rows if r and r[0] and "\n" in str(r[0]))
            described = {
                label
                for name in ((table,) if isinstance(table, str) else table)
                for label in comments(marts_db, name).values()
            }
            assert set(header) <= described, (workbook, sheet)


def test_every_sheet_prints_on_a4_landscape_one_page_wide_with_its_header_repeated(
    built: list[Path],
):
    for path in [p for p in built if p.suffix == ".xlsx"]:
        for sheet in load_workbook(path).worksheets:
            setup = sheet.page_setup
            assert (setup.paperSize, setup.orientation) == (9, "landscape"), (path.name, sheet)
            assert sheet.sheet_properties.pageSetUpPr.fitToPage, (path.name, sheet.title)
            assert (setup.fitToWidth or 1, setup.fitToHeight) == (1, 0), (path.name, sheet.title)
            header_row = sheet.freeze_panes and int(sheet.freeze_panes[1:]) - 1
            assert sheet.print_title_rows == f"$1:${header_row}", (path.name, sheet.title)


def test_steward_workbook_names_outcomes_in_chinese_with_their_colour_and_real_dates(
    published: Paths, marts_db: Path
):
    with duckdb.connect(str(marts_db), read_only=True) as con:
        colours = dict(
            con.execute("select status_zh, status_colour from dim_submission_status").fetchall()
        )
        log = con.execute(
            "select file_name, received_at from submission_log "
            "order by received_at desc, submission_id"
        ).fetchall()
    sheet = load_workbook(published.reports / "steward-review.xlsx")["报送 Submissions"]
    rows = list(sheet.iter_rows())
    header = [str(c.value).split("\n")[0] for c in rows[0]]
    status, received = header.index("处理结果名称"), header.index("接收时间")
    body = rows[1 : 1 + len(log)]
    assert {row[status].value for row in body} <= set(colours)
    for row in body:
        fill = row[status].fill.fgColor.rgb
        assert fill[-6:].lower() == colours[row[status].value][1:].lower()
        # the mart's instant, written as Beijing wall-clock time (Excel has no zones)
        shown = log[body.index(row)][1].astimezone(ZoneInfo(TIMEZONE)).replace(tzinfo=None)
        assert row[received].is_date
        assert row[received].value.replace(microsecond=0) == shown.replace(microsecond=0)
