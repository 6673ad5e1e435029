"""The 报送日期 a file states above its header is when the department submitted it; a file
that states none was submitted when it first appeared. Intake keeps both apart."""

from __future__ import annotations

import datetime as dt

from intake_support import INDICATOR_HEADER, TITLE, Drop

ROW = ["I01", "地区生产总值", 2023, 400, "亿元", None]


def test_a_stated_submission_date_is_logged_beside_the_arrival_time(drop: Drop) -> None:
    """GIVEN the template's 报送日期 label with the date in the next cell, or in the same
    cell, WHEN intake runs THEN submission_log keeps that date and the arrival time apart."""
    date = dt.date(2024, 1, 20)
    drop.xlsx(
        "stats/a.xlsx", ("s", [TITLE, ["报送日期 / submission date:", date], INDICATOR_HEADER, ROW])
    )
    drop.csv("stats/b.csv", "# SYNTHETIC · 报送日期：2024-02-03\n" + ",".join(INDICATOR_HEADER)
             + "\nI02,人均地区生产总值,2023,61000,元,\n")  # fmt: skip
    drop.xlsx("stats/c.xlsx", ("s", [TITLE, INDICATOR_HEADER, ["I03", None, 2023, 80, None, None]]))

    drop.run()

    a, b, c = (drop.log(f"stats/{n}") for n in ("a.xlsx", "b.csv", "c.xlsx"))
    assert [x["status"] for x in (a, b, c)] == ["accepted"] * 3, [a["reasons"], b["reasons"]]
    assert (a["submitted_on"], b["submitted_on"], c["submitted_on"]) == (
        date,
        dt.date(2024, 2, 3),
        None,
    )
    assert a["received_at"].date() > date, "the arrival time is the time intake saw the file"


def test_an_unreadable_or_future_submission_date_is_a_warning_and_not_used(drop: Drop) -> None:
    """GIVEN a 报送日期 that is not a date, and one after the day the file appeared, WHEN
    intake runs THEN both files are accepted, the date is not used and a warning says why."""
    future = dt.date.today() + dt.timedelta(days=30)
    drop.xlsx("stats/a.xlsx", ("s", [["报送日期：下周一"], INDICATOR_HEADER, ROW]))
    drop.xlsx("stats/b.xlsx", ("s", [["报送日期", future], INDICATOR_HEADER, ROW]))

    drop.run()

    a, b = drop.log("stats/a.xlsx"), drop.log("stats/b.xlsx")
    assert (a["status"], a["submitted_on"]) == ("accepted", None)
    assert "报送日期“下周一”不是有效日期" in a["warnings"]
    assert "第 1 行" in a["warnings"]
    assert (b["status"], b["submitted_on"]) == ("accepted", None)
    assert f"报送日期 {future.isoformat()} 晚于文件首次出现的日期" in b["warnings"]
    rules = {w["rule"] for w in drop.table("submission_warning")}
    assert {"submission_date_unreadable", "submission_date_after_arrival"} <= rules


def test_the_periods_a_file_is_for_are_kept_accepted_or_not(drop: Drop) -> None:
    """GIVEN an accepted file for 2023, a rejected one whose rows are for 2021 and 2022 (one
    row's unit cannot be converted), one whose year is unreadable, and project progress for
    two months WHEN intake runs THEN raw.submission_period holds the region and the year (as
    its 1 January) or month of every readable row, once, for accepted and rejected files."""
    drop.xlsx("stats/a.xlsx", ("s", [TITLE, INDICATOR_HEADER, ROW]))
    rows = [["I01", None, 2021, 380, "亿元", None], ["I01", None, 2022, 390, "公斤", None]]
    drop.xlsx("stats/b.xlsx", ("s", [TITLE, INDICATOR_HEADER, *rows, rows[0]]))
    drop.xlsx(
        "stats/c.xlsx", ("s", [TITLE, INDICATOR_HEADER, ["I01", None, "去年", 1, None, None]])
    )
    drop.csv(
        "commerce/p.csv", "项目编号,报告期,项目状态\nB08-P001,2024-01,在建\nB08-P001,2024-02,续建\n"
    )

    drop.run()

    logged = {r["file_name"]: r for r in drop.table("submission_log")}
    assert [logged[n]["status"] for n in ("a.xlsx", "b.xlsx", "c.xlsx", "p.csv")] == [
        "accepted",
        "rejected",
        "rejected",
        "accepted",
    ], [logged[n]["reasons"] for n in logged]
    periods = {
        (next(n for n, r in logged.items() if r["submission_id"] == p["submission_id"]),
         p["region_code"], p["period_date"])
        for p in drop.table("submission_period")
    }  # fmt: skip
    assert periods == {
        ("a.xlsx", "220581", dt.date(2023, 1, 1)),
        ("b.xlsx", "220581", dt.date(2021, 1, 1)),
        ("b.xlsx", "220581", dt.date(2022, 1, 1)),
        ("p.csv", "220581", dt.date(2024, 1, 1)),
        ("p.csv", "220581", dt.date(2024, 2, 1)),
    }
    assert len(drop.table("submission_period")) == len(periods), "each period once per file"
