"""The committed templates are what the dataset specs generate, and a filled-in one loads."""

from __future__ import annotations

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
    header = [c.value for c in sheet[3]]
    assert sheet.title == spec.template.sheet
    assert [match_cell(spec, cell)[0] for cell in header] == [f.name for f in spec.template_fields]


@pytest.mark.parametrize(
    ("dataset", "department", "row"),
    [
        ("indicator_values", "stats", ["I01", None, 2021, 330, "亿元", "年报"]),
        ("project_progress", "commerce", ["B08-P001", None, "2023-05", "在建", 5000, 100, 900]),
        ("sector_output", "industry", ["医药健康", 2021, 121.5, 31, None]),
    ],
)
def test_a_filled_in_template_is_accepted(
    drop: Drop, dataset: str, department: str, row: list[object]
) -> None:
    """A clerk types one row under the header of the blank template and drops it in."""
    target = drop.raw / department / f"{dataset}.xlsx"
    target.parent.mkdir()
    shutil.copyfile(TEMPLATES_DIR / f"{dataset}.xlsx", target)
    book = openpyxl.load_workbook(target)
    book.worksheets[0].append(row)  # appended below the header (row 4)
    book.save(target)

    drop.run()

    log = drop.log()
    assert (log["status"], log["dataset"], log["rows_accepted"], log["warnings"]) == (
        "accepted",
        dataset,
        1,
        None,
    )
    assert drop.table(dataset)[0]["excel_row"] == 4


def test_blank_template_is_recognised_but_has_no_rows(drop: Drop) -> None:
    target = drop.raw / "stats" / "blank.xlsx"
    target.parent.mkdir()
    shutil.copyfile(TEMPLATES_DIR / "indicator_values.xlsx", target)

    drop.run()

    assert (drop.log()["dataset"], drop.log()["reason_codes"]) == (
        "indicator_values",
        "no_data_rows",
    )
