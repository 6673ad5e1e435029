"""The committed templates are what the dataset specs generate, and a filled-in one loads."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pytest

from orchestration.intake.datasets.registry import DATASETS
from orchestration.intake.headers import match_cell
from orchestration.settings import TEMPLATES_DIR
from samples import templates
from tests.orchestration.intake.intake_support import Drop

REGENERATE = "out of date: run `python -m samples.templates` and commit the result"


@pytest.mark.parametrize("dataset", list(DATASETS))
def test_committed_template_is_what_the_generator_writes(dataset: str, tmp_path: Path) -> None:
    templates.build(dataset, tmp_path / "t.xlsx")
    committed = (TEMPLATES_DIR / f"{dataset}.xlsx").read_bytes()
    assert (tmp_path / "t.xlsx").read_bytes() == committed, REGENERATE


@pytest.mark.parametrize("dataset", list(DATASETS))
def test_template_header_is_read_as_its_dataset(dataset: str) -> None:
    """Every column of the template's data sheet maps to the field it was written for."""
    spec = DATASETS[dataset]
    sheet = openpyxl.load_workbook(TEMPLATES_DIR / f"{dataset}.xlsx").worksheets[0]
    header = [c.value for c in sheet[4]]
    assert sheet.title == spec.template.sheet
    assert [match_cell(spec, cell)[0] for cell in header] == [f.name for f in spec.template_fields]


@pytest.mark.parametrize(
    ("dataset", "department", "row"),
    [
        ("indicator_values", "stats", ["I01", None, 2021, 330, "亿元", None, "年报"]),
        ("project_progress", "commerce", ["B08-P001", None, "2023-05", "在建", 5000, 100, 900]),
        ("sector_output", "industry", ["医药健康", 2021, 121.5, 31, None]),
    ],
)
def test_a_filled_in_template_is_accepted(
    drop: Drop, dataset: str, department: str, row: list[object]
) -> None:
    """A clerk writes the submission date in B3, types one row under the template's example
    row and drops the file in; the example row is ignored with a warning that says so, and
    the date is logged as when the file was submitted."""
    target = drop.raw / department / f"{dataset}.xlsx"
    target.parent.mkdir()
    shutil.copyfile(TEMPLATES_DIR / f"{dataset}.xlsx", target)
    book = openpyxl.load_workbook(target)
    assert book.worksheets[0]["A3"].value == "报送日期 / submission date:"
    book.worksheets[0]["B3"] = dt.date(2024, 1, 20)
    book.worksheets[0].append(row)  # appended below the example row (row 5)
    book.save(target)

    drop.run()

    log = drop.log()
    assert (log["status"], log["dataset"], log["rows_accepted"]) == ("accepted", dataset, 1)
    assert log["warnings"].endswith("[example_row_ignored]"), log["warnings"]
    assert "第 5 行" in log["warnings"] and log["warnings"].count("[") == 1
    assert drop.table(dataset)[0]["excel_row"] == 6
    assert log["submitted_on"] == dt.date(2024, 1, 20)


@pytest.mark.parametrize("dataset", list(DATASETS))
def test_the_example_row_is_marked_and_its_code_columns_drop_down_from_the_codes_sheet(
    dataset: str,
) -> None:
    """Row 5 is the example (示例 / example in its note); code columns list the codes sheet,
    whose columns are labelled; the region column lists the region codes."""
    spec = DATASETS[dataset]
    book = openpyxl.load_workbook(TEMPLATES_DIR / f"{dataset}.xlsx")
    data, codes = book.worksheets[0], book["代码表 Codes"]
    fields = [f.name for f in spec.template_fields]
    example = [c.value for c in data[5]]
    assert str(example[fields.index("note")]).startswith("示例 / example")
    assert example[fields.index("region_code")] == "220581"
    assert [c.value for c in codes[1]] == list(spec.template.code_labels)
    assert example[0] in {c.value for c in codes["A"][1:]}, "the example uses a listed code"
    lists = {str(v.sqref): v.formula1 for v in data.data_validations.dataValidation}
    letter = "ABCDEFGHIJKL"[fields.index(spec.template_fields[0].name)]
    assert lists[f"{letter}5:{letter}504"] == f"'代码表 Codes'!$A$2:$A${codes.max_row}"
    region = "ABCDEFGHIJKL"[fields.index("region_code")]
    assert "220581" in lists[f"{region}5:{region}504"]


def test_blank_template_is_recognised_but_has_no_rows(drop: Drop) -> None:
    target = drop.raw / "stats" / "blank.xlsx"
    target.parent.mkdir()
    shutil.copyfile(TEMPLATES_DIR / "indicator_values.xlsx", target)

    drop.run()

    assert (drop.log()["dataset"], drop.log()["reason_codes"]) == (
        "indicator_values",
        "no_data_rows",
    )
