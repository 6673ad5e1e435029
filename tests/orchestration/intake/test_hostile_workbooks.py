"""Hostile workbooks (zip members written by hand, benchmarks/hostile.py) are rejected by a
structural limit named in the reason, before or while the part is read; the time and
memory this costs is measured in benchmarks/intake.py, not here."""

from __future__ import annotations

import pytest
from intake_support import Drop

from benchmarks import hostile
from orchestration.intake.reading import Limits

SMALL = Limits(
    max_shared_strings=1_000,
    max_strings_bytes=100_000,
    max_styles_bytes=50_000,
    max_cell_formats=100,
    max_cells=5_000,
    max_members=20,
)
CASES = {
    "declared_shared_strings": (
        hostile.shared_strings(2_000),
        "xl/sharedStrings.xml 有 2000 个共享字符串（声明），超过上限 1000",
    ),
    "undeclared_shared_strings": (
        hostile.shared_strings(2_000, declared=False),
        "xl/sharedStrings.xml 有 1001 个共享字符串，超过上限 1000",
    ),
    "shared_strings_part_too_big": (
        hostile.shared_strings(10_000),
        "xl/sharedStrings.xml 有 160111 字节，超过上限 100000",
    ),
    "styles_part_too_big": (hostile.styles(3_000), "xl/styles.xml 有 81153 字节，超过上限 50000"),
    "too_many_cell_formats": (
        hostile.cell_formats(500),
        "xl/styles.xml 有 101 种单元格格式，超过上限 100",
    ),
    "wide_rows_of_unlocated_cells": (
        hostile.wide_rows(1, 6_000),
        "xl/worksheets/sheet1.xml 有 5001 个单元格，超过上限 5000",
    ),
    "too_many_zip_members": (
        {**hostile.plain(), **{f"xl/media/pad{i}.bin": hostile.part("x") for i in range(30)}},
        "zip 有 35 个压缩成员，超过上限 20",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_workbook_is_rejected_naming_the_limit(drop: Drop, name: str) -> None:
    members, reason = CASES[name]
    hostile.write(drop.raw / "stats" / f"{name}.xlsx", members)

    drop.run(SMALL)

    log = drop.log()
    assert (log["status"], log["reason_codes"]) == ("rejected", "workbook_too_complex")
    assert reason in log["reasons"]
    assert "请只保留数据另存为新工作簿后重新报送" in log["reasons"]


def test_formatted_empty_cells_that_say_where_they_are_cost_no_cell_budget(drop: Drop) -> None:
    """10,000 formatted, empty rows and 20,000 formatted cells in a row are not counted: the
    plain data below the budget of 5,000 cells loads."""
    hostile.write(drop.raw / "stats" / "rows.xlsx", hostile.formatted_empty_rows(10_000))
    hostile.write(drop.raw / "stats" / "last.xlsx", hostile.last_row_formatted())

    summary = drop.run(SMALL)

    assert summary.files["accepted"] == 2
    assert {(r["indicator_code"], r["excel_row"]) for r in drop.table("indicator_values")} == {
        ("I01", 2),
        ("I02", 3),
    }


def test_a_value_in_the_last_cell_of_the_sheet_is_refused_not_allocated(drop: Drop) -> None:
    """A reader that sizes a grid by the used range would try to allocate 16384 x 1048576."""
    hostile.write(drop.raw / "stats" / "corner.xlsx", hostile.corner_value())

    drop.run()

    log = drop.log()
    assert (log["status"], log["reason_codes"]) == ("rejected", "too_many_columns")
    assert "第 1048576 行：第 16384 列有数据，超过上限 64 列" in log["reasons"]


def test_an_entity_declaration_is_refused(drop: Drop) -> None:
    """No DTD is read, so no entity can expand (billion laughs)."""
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
        f'<worksheet xmlns="{hostile.MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr">'
        "<is><t>&lol2;</t></is></c></row></sheetData></worksheet>"
    )
    hostile.write(drop.raw / "stats" / "dtd.xlsx", hostile.package(hostile.part(bomb)))

    drop.run()

    log = drop.log()
    assert (log["status"], log["reason_codes"]) == ("rejected", "file_corrupt")
