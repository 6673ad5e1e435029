"""A hostile drop never halts or blocks publishing: real files, real dbt build, real audit and
publish, `planwatch refresh` in its own process each time."""

from __future__ import annotations

import os
import subprocess
import sys

import duckdb
import pytest
import xlsxwriter
from intake_support import SECTOR_HEADER

from orchestration.settings import Paths

pytestmark = pytest.mark.xdist_group("refresh")

GOOD_A = "指标代码,年份,数值,单位\nI01,2021,330,亿元\n"
GOOD_C = "指标代码,年份,数值,单位\nI03,2021,58.5,亿元\n"


def refresh(where: Paths) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PLANWATCH_HOME": str(where.warehouse), "PLANWATCH_RAW": str(where.raw)}
    return subprocess.run(
        [sys.executable, "-m", "orchestration.cli", "refresh"],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def published(where: Paths, sql: str) -> list[tuple]:
    with duckdb.connect(str(where.marts_db), read_only=True) as con:
        return con.execute(sql).fetchall()


def put(where: Paths, relative: str, text: str) -> None:
    path = where.raw / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_an_overflowing_file_and_a_copy_in_a_wrong_folder_never_stop_publishing(
    warehouse: Paths,
) -> None:
    """GIVEN a good file, a file whose enterprise count overflows INTEGER, another good file
    WHEN a refresh runs THEN all three are logged, both good ones published, the refresh
    succeeds; GIVEN then a byte copy of a published file dropped in a folder that is not a
    department WHEN the next refresh runs THEN it is rejected (not a duplicate), the
    completeness audit passes and the new version is published."""
    put(warehouse, "stats/a.csv", GOOD_A)
    (warehouse.raw / "industry").mkdir()
    book = xlsxwriter.Workbook(str(warehouse.raw / "industry" / "b.xlsx"))
    sheet = book.add_worksheet("产业产值")
    for column, value in enumerate(SECTOR_HEADER[:4]):
        sheet.write(0, column, value)
    for column, value in enumerate(["医药健康", 2021, 10, 3_000_000_000]):
        sheet.write(1, column, value)
    book.close()
    put(warehouse, "stats/c.csv", GOOD_C)

    first = refresh(warehouse)

    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-3000:]
    logged = published(warehouse, "select file_path, status from submission_log order by file_path")
    assert logged == [
        ("industry/b.xlsx", "rejected"),
        ("stats/a.csv", "accepted"),
        ("stats/c.csv", "accepted"),
    ]
    values = "select indicator_code from fct_indicator_value where is_current order by 1"
    assert published(warehouse, values) == [("I01",), ("I03",)]
    assert published(warehouse, "select rule, column_name from quarantine") == [
        ("value_out_of_range", "规上企业数（户）")
    ]

    put(warehouse, "statistics/a.csv", GOOD_A)
    second = refresh(warehouse)

    assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-3000:]
    status, rule = published(
        warehouse,
        "select status, reasons from submission_log where file_path = 'statistics/a.csv'",
    )[0]
    assert status == "rejected" and "[unknown_department]" in rule
    audited = published(
        warehouse,
        """select bool_and(success) from validation_result
           where suite = 'marts.rpt_submission_completeness'""",
    )
    assert audited == [(True,)]
    third = refresh(warehouse)
    assert third.returncode == 0 and "rebuild skipped" in third.stdout
