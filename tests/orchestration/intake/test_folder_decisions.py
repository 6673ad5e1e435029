"""Where a file was dropped is decided before whether its bytes were seen: a file in a folder
that takes no submissions is rejected and logged, never a duplicate."""

from __future__ import annotations

import pytest
from intake_support import Drop

GDP = "指标代码,年份,数值\nI01,2021,330\n"


def test_a_copy_of_a_seen_file_in_a_folder_that_is_not_a_department_is_rejected(
    drop: Drop,
) -> None:
    drop.csv("stats/a.csv", GDP)
    drop.run()
    drop.csv("statistics/a.csv", GDP)

    drop.run()

    log = drop.log("statistics/a.csv")
    assert (log["status"], log["reason_codes"], log["duplicate_of"]) == (
        "rejected",
        "unknown_department",
        None,
    )
    assert log["dataset"] is None  # counts for no department's completeness
    assert "文件夹“statistics”不是已登记的部门代码" in log["reasons"]


@pytest.mark.parametrize(
    ("path", "rule", "folder"),
    [
        ("templates/指标数据_2023.csv", "reserved_folder", "templates"),
        ("plan/指标数据.csv", "reserved_folder", "plan"),
        ("templates/old/indicator_values.xlsx", "reserved_folder", "templates"),
        ("220581/templates/a.csv", "reserved_folder", "templates"),
        ("990999/stats/a.csv", "unknown_region_folder", "990999"),
        ("220581/a.csv", "no_department_folder", None),
        ("220581/statistics/a.csv", "unknown_department", "statistics"),
    ],
)
def test_a_seen_file_in_a_folder_that_takes_no_submissions_is_rejected_never_a_duplicate(
    drop: Drop, path: str, rule: str, folder: str | None
) -> None:
    drop.csv("stats/a.csv", GDP)
    drop.csv(path, GDP)

    drop.run()

    log = drop.log(path)
    assert (log["status"], log["reason_codes"], log["duplicate_of"]) == ("rejected", rule, None)
    if folder:
        assert f"“{folder}”" in log["reasons"]
    assert drop.log("stats/a.csv")["status"] == "accepted"


def test_the_region_layout_takes_a_department_of_a_known_region(drop: Drop) -> None:
    drop.csv("220581/stats/a.csv", GDP)

    drop.run()

    log = drop.log("220581/stats/a.csv")
    assert (log["status"], log["department_code"]) == ("accepted", "stats")
    assert [r["region_code"] for r in drop.table("indicator_values")] == ["220581"]


def test_the_projects_own_templates_and_plan_text_are_not_submissions(drop: Drop) -> None:
    drop.put("templates/indicator_values.xlsx", b"the template")
    drop.put("plan/meihekou-14th-five-year-plan.txt", b"the plan")
    drop.put("plan/plan.pdf", b"%PDF")

    assert drop.run().files["seen"] == 0
