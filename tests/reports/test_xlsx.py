"""Workbooks: the scorecard is there, and no cell starts a formula from submitted text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from fixture_submissions import HYPERLINK
from openpyxl import load_workbook

from orchestration.settings import Paths
from reports.xlsx import Column, neutralise, open_workbook, write_table

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
        ("+1+1", "'+1+1"),
        ("-2", "'-2"),
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


def test_no_cell_of_any_workbook_starts_a_formula(built: list[Path]):
    workbooks = [p for p in built if p.suffix == ".xlsx"]
    assert len(workbooks) == 3
    for path in workbooks:
        for cell in cells(path):
            assert cell.data_type != "f", (path.name, cell.coordinate, cell.value)
            if isinstance(cell.value, str):
                assert not cell.value.startswith(DANGEROUS), (path.name, cell.coordinate)


def test_submitted_formula_text_survives_as_inert_text(built, warehouse: Paths):
    texts = [c.value for c in cells(warehouse.reports / "steward-review.xlsx")]
    assert "'" + HYPERLINK in texts  # the quarantine reason
    assert any(isinstance(t, str) and t.startswith("'" + HYPERLINK) for t in texts)  # reasons
    assert "'@SUM(1+1).xlsx" in texts  # a file name


def test_numbers_stay_numbers(tmp_path: Path):
    book = open_workbook(tmp_path / "t.xlsx")
    frame = pd.DataFrame({"n": [1.5, None], "s": ["-3", "x"]})
    write_table(book, "t", frame, [Column("n", "数", "n"), Column("s", "文", "s")])
    book.close()
    sheet = load_workbook(tmp_path / "t.xlsx")["t"]
    assert sheet["A2"].value == 1.5 and sheet["A2"].data_type == "n"
    assert sheet["A3"].value is None
    assert sheet["B2"].value == "'-3" and sheet["B2"].data_type == "s"


def test_the_monitoring_workbook_shows_the_scorecard(built, warehouse: Paths):
    book = load_workbook(warehouse.reports / "monitoring-report-2024.xlsx")
    assert "计分卡 Scorecard" in book.sheetnames and "约束性指标 Binding" in book.sheetnames
    sheet = book["计分卡 Scorecard"]
    header = [c.value for c in sheet[3]]
    assert header[:4] == ["序号\nNo.", "指标代码\nCode", "类别\nCategory", "指标名称\nIndicator"]
    rows = [r for r in sheet.iter_rows(min_row=4, values_only=True) if r[0] is not None]
    assert len(rows) == 22
    first = dict(zip(header, rows[0], strict=True))
    assert first["指标名称\nIndicator"] == "地区生产总值"
    assert first["2020年基期值\nBaseline 2020"] == 295
    assert first["状态\nStatus"] in {"提前实现", "快于预期", "基本符合预期", "滞后"}
    binding = book["约束性指标 Binding"]
    assert len([r for r in binding.iter_rows(min_row=4, values_only=True) if r[0]]) == 9
