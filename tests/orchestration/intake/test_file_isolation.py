"""Whatever goes wrong with one file rejects and logs that file; intake goes on with the next.
Only a fault of the machine stops intake, and then it names the file it was on."""

from __future__ import annotations

from typing import Any

import duckdb
import pytest
from intake_support import SECTOR_HEADER, Drop

from orchestration.intake import store
from orchestration.intake.run import IntakeStopped

GOOD_A = "指标代码,年份,数值\nI01,2021,330\n"
GOOD_C = "指标代码,年份,数值\nI02,2021,52000\n"


def test_a_value_its_column_cannot_hold_rejects_only_that_file(drop: Drop) -> None:
    """GIVEN a good file, a file whose enterprise count overflows INTEGER and another good
    file WHEN intake runs THEN all three are logged, both good ones accepted, and the
    overflow is value_out_of_range naming the sheet row and the column as the clerk wrote it."""
    drop.csv("stats/a.csv", GOOD_A)
    drop.xlsx(
        "industry/b.xlsx",
        ("产业产值", [SECTOR_HEADER, ["医药健康", 2021, 10, 3_000_000_000, None]]),
    )
    drop.csv("stats/c.csv", GOOD_C)

    summary = drop.run()

    assert (summary.files["accepted"], summary.files["rejected"]) == (2, 1)
    bad = drop.log("industry/b.xlsx")
    assert (bad["status"], bad["reason_codes"]) == ("rejected", "value_out_of_range")
    assert "工作表“产业产值” 第 2 行 “规上企业数（户）”列：数值 3000000000" in bad["reasons"]
    quarantined = {(q["excel_row"], q["column_name"], q["rule"]) for q in drop.table("quarantine")}
    assert quarantined == {(2, "规上企业数（户）", "value_out_of_range")}
    assert drop.table("sector_output") == []
    assert sorted(r["indicator_code"] for r in drop.table("indicator_values")) == ["I01", "I02"]


def test_money_beyond_the_column_after_unit_conversion_is_value_out_of_range(drop: Drop) -> None:
    """2,000,000 亿元 of per-capita GDP is 2×10¹⁴ 元, more digits than DECIMAL(20,6) holds."""
    drop.csv("stats/a.csv", "指标代码,年份,数值,单位\nI02,2021,2000000,亿元\nI02,2022,52000,元\n")
    drop.csv("stats/b.csv", GOOD_A)

    drop.run()

    bad = drop.log("stats/a.csv")
    assert (bad["status"], bad["reason_codes"]) == ("rejected", "value_out_of_range")
    assert "第 2 行 “数值”列：数值 200000000000000" in bad["reasons"]
    rules = sorted((q["excel_row"], q["rule"]) for q in drop.table("quarantine"))
    assert rules == [(2, "value_out_of_range"), (3, "file_rejected")]
    assert drop.log("stats/b.csv")["status"] == "accepted"


def test_an_insert_failing_for_no_known_cell_is_an_internal_error_of_that_file(
    drop: Drop, monkeypatch: pytest.MonkeyPatch
) -> None:
    drop.csv("stats/a.csv", GOOD_A)
    drop.csv("stats/b.csv", GOOD_C)
    real = store.insert

    def insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
        real(con, table, rows)
        if table == "indicator_values" and rows[0]["indicator_code"] == "I01":
            raise duckdb.ConstraintException("Constraint Error: a broken row")

    monkeypatch.setattr(store, "insert", insert)
    drop.run()

    bad = drop.log("stats/a.csv")
    assert (bad["status"], bad["reason_codes"]) == ("rejected", "internal_error")
    assert "ConstraintException: Constraint Error: a broken row" in bad["reasons"]
    assert [r["indicator_code"] for r in drop.table("indicator_values")] == ["I02"]


def test_a_fault_of_the_database_stops_intake_naming_the_file_and_loses_nothing(
    drop: Drop, monkeypatch: pytest.MonkeyPatch
) -> None:
    drop.csv("stats/a.csv", GOOD_A)
    drop.csv("stats/b.csv", GOOD_C)
    real = store.insert

    def disk_full(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
        if table == "indicator_values" and rows[0]["indicator_code"] == "I02":
            raise duckdb.IOException("IO Error: No space left on device")
        real(con, table, rows)

    with monkeypatch.context() as patch:
        patch.setattr(store, "insert", disk_full)
        with pytest.raises(IntakeStopped, match=r"stats/b\.csv.*No space left on device"):
            drop.run()
    assert [r["file_path"] for r in drop.table("submission_log")] == ["stats/a.csv"]

    summary = drop.run()

    assert summary.replayed == 1 and summary.files["unchanged"] == 2
    assert {r["file_path"]: r["status"] for r in drop.table("submission_log")} == {
        "stats/a.csv": "accepted",
        "stats/b.csv": "accepted",
    }
