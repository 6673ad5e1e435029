"""Pure cell-level functions: numbers, units, years, months, dates, headers, CSV decoding."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from orchestration.intake import coerce, csvfile, dates, headers, units
from orchestration.intake.amounts import indicator_value
from orchestration.intake.coerce import CoerceError, Quantity
from orchestration.intake.datasets.registry import DATASETS
from orchestration.intake.layout import find_header


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (330, Quantity(Decimal(330))),
        (61.5, Quantity(Decimal("61.5"))),
        ("1,234.5", Quantity(Decimal("1234.5"))),
        ("１２３．４", Quantity(Decimal("123.4"))),
        ("１,２３４", Quantity(Decimal(1234))),
        ("61%", Quantity(Decimal(61), percent=True)),
        ("61 ％", Quantity(Decimal(61), percent=True)),
        ("600亿元", Quantity(Decimal(600), unit="亿元")),
        ("−5", Quantity(Decimal(-5))),
        ("+2.5", Quantity(Decimal("2.5"))),
        ("1 234", Quantity(Decimal(1234))),
    ],
)
def test_quantity_reads_what_clerks_write(cell: object, expected: Quantity) -> None:
    assert coerce.quantity(cell) == expected


@pytest.mark.parametrize(
    ("cell", "rule"),
    [
        ("abc", "not_a_number"),
        ("12,34", "not_a_number"),
        ("1.2.3", "not_a_number"),
        ("1e5", "not_a_number"),
        (True, "not_a_number"),
        ("=A1*2", "formula_in_cell"),
        ("@SUM(A1)", "formula_in_cell"),
        ("10000000000000", "number_too_large"),
    ],
)
def test_quantity_refuses_what_is_not_a_number(cell: object, rule: str) -> None:
    with pytest.raises(CoerceError) as caught:
        coerce.quantity(cell)
    assert caught.value.rule == rule


@pytest.mark.parametrize(
    ("q", "unit", "target", "expected"),
    [
        (Quantity(Decimal(61), percent=True), None, "%", Decimal(61)),
        (Quantity(Decimal(61)), None, "%", Decimal(61)),
        (Quantity(Decimal(61)), "％", "%", Decimal(61)),
        (Quantity(Decimal("0.61")), "小数", "%", Decimal(61)),
        (Quantity(Decimal(0)), None, "%", Decimal(0)),
        (Quantity(Decimal(3300000)), "万元", "亿元", Decimal(330)),
        (Quantity(Decimal(5)), "亿元", "元", Decimal(500000000)),
        (Quantity(Decimal("81.5")), "万吨", "亿斤", Decimal("16.3")),
        (Quantity(Decimal(100)), "公顷", "亩", Decimal(1500)),
        (Quantity(Decimal(17)), "万亩", "万亩", Decimal(17)),
        (Quantity(Decimal(95)), "m³/万元", "立方米", Decimal(95)),
    ],
)
def test_indicator_values_convert_to_the_catalogue_unit(
    q: Quantity, unit: str | None, target: str, expected: Decimal
) -> None:
    assert indicator_value(q, unit, target) == expected


@pytest.mark.parametrize(
    ("q", "unit", "target", "rule"),
    [
        (Quantity(Decimal("0.61")), None, "%", "percent_ambiguous"),
        (Quantity(Decimal("0.61")), "%", "%", "percent_ambiguous"),
        (Quantity(Decimal(1)), None, "%", "percent_ambiguous"),
        (Quantity(Decimal(61), percent=True), "小数", "%", "unit_conflict"),
        (Quantity(Decimal(5)), "百分点", "%", "unit_not_convertible"),
        (Quantity(Decimal(5)), "亿千瓦时", "万吨标准煤", "unit_not_convertible"),
        (Quantity(Decimal(5)), "亩", "亿元", "unit_not_convertible"),
    ],
)
def test_ambiguous_or_unconvertible_units_are_errors(
    q: Quantity, unit: str | None, target: str, rule: str
) -> None:
    with pytest.raises(CoerceError) as caught:
        indicator_value(q, unit, target)
    assert caught.value.rule == rule


def test_unit_spellings() -> None:
    assert units.canonical_unit("（亿元）") == "亿元"
    assert units.canonical_unit("10k yuan") == "万元"
    assert units.canonical_unit("万吨标煤") == "万吨标准煤"
    assert units.canonical_unit("furlongs") is None
    assert units.convert(Decimal(1), "万元", "岁") is None


@pytest.mark.parametrize(
    ("cell", "year"),
    [(2023, 2023), (2023.0, 2023), ("2023年", 2023), ("２０２３", 2023), ("2023年度", 2023)],
)
def test_year_spellings(cell: object, year: int) -> None:
    assert coerce.year(cell) == year


@pytest.mark.parametrize(
    ("cell", "month"),
    [
        ("2023-05", dt.date(2023, 5, 1)),
        ("2023/5", dt.date(2023, 5, 1)),
        ("2023.05", dt.date(2023, 5, 1)),
        ("2023年5月", dt.date(2023, 5, 1)),
        ("2023年05月份", dt.date(2023, 5, 1)),
        (202305, dt.date(2023, 5, 1)),
        ("2023M05", dt.date(2023, 5, 1)),
        ("2023Q2", dt.date(2023, 6, 1)),
        ("2023-q4", dt.date(2023, 12, 1)),
        ("2023年第一季度", dt.date(2023, 3, 1)),
        ("2023年三季度", dt.date(2023, 9, 1)),
        (dt.datetime(2023, 5, 17), dt.date(2023, 5, 1)),
        ("2023-05-17", dt.date(2023, 5, 1)),
    ],
)
def test_reporting_month_spellings(cell: object, month: dt.date) -> None:
    assert dates.report_month(cell) == month


@pytest.mark.parametrize(
    ("cell", "day"),
    [
        ("2023-05-18", dt.date(2023, 5, 18)),
        ("2023/5/8", dt.date(2023, 5, 8)),
        ("2023年5月18日", dt.date(2023, 5, 18)),
        ("20230518", dt.date(2023, 5, 18)),
        ("2023-05", dt.date(2023, 5, 1)),
        (dt.date(2022, 1, 2), dt.date(2022, 1, 2)),
    ],
)
def test_calendar_date_spellings(cell: object, day: dt.date) -> None:
    assert dates.calendar_date(cell) == day


@pytest.mark.parametrize("cell", ["2023-13", "2023Q5", "23-05", "May 2023", 45047, 2023.1])
def test_bad_months(cell: object) -> None:
    with pytest.raises(CoerceError):
        dates.report_month(cell)


@pytest.mark.parametrize(
    ("cell", "field", "unit"),
    [
        ("总投资（万元）", "total_investment", "万元"),
        ("总投资(万元)", "total_investment", "万元"),
        ("*Total investment", "total_investment", None),
        ("累计完成投资（亿元）\ncumulative_investment", "cumulative_investment", "亿元"),
        ("报告期（月）", "report_month", "月"),
        ("项目编号 / project_code", "project_code", None),
    ],
)
def test_header_cells(cell: str, field: str, unit: str | None) -> None:
    assert headers.match_cell(DATASETS["project_progress"], cell) == (field, unit)


def test_header_row_is_found_below_title_rows() -> None:
    rows = [
        (1, ["示例数据（合成）/ SYNTHETIC SAMPLE DATA"]),
        (2, ["梅河口市 指标 年份"]),
        (4, ["year", "indicator_name", "value", "whatever"]),
    ]
    found = find_header(rows, DATASETS.values())
    assert found is not None
    assert (found.dataset, found.excel_row, found.columns) == (
        "indicator_values",
        4,
        {"year": 0, "indicator_name": 1, "value": 2},
    )
    assert found.extras == [3]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("指标,年份".encode("gbk"), "gb18030"),
        ("指标,年份".encode(), "utf-8"),
        (b"\xef\xbb\xbf" + "指标".encode(), "utf-8-sig"),
        ("指标".encode("utf-16"), "utf-16"),
    ],
)
def test_csv_encodings(data: bytes, encoding: str) -> None:
    text, used = csvfile.decode(data)
    assert used == encoding and text.startswith("指标")
