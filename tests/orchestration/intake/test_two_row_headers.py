"""Headers over two rows (a merged group cell above its columns, units in the row below, a
unit stated above the table) are read unambiguously, or the file is rejected saying how to
fix the sheet; a column that holds values is never dropped while the file is accepted."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from intake_support import PROJECT_HEADER, TITLE, Drop

MONTH, START = dt.date(2023, 5, 1), dt.date(2022, 4, 18)
TOP = ["项目编号", "项目名称", "报告期", "项目状态", "投资情况（万元）", None, None, "开工日期"]
TOP.append("备注")
SUB = [None, None, None, None, "总投资", "本期完成投资", "累计完成投资", None, None]
ROW = ["B08-P001", None, MONTH, "在建", 50000, 1200, 8000, START, None]
# the government-form layout: single-level cells merged down over both header rows
MERGES = ["A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:G2", "H2:H3", "I2:I3"]


def investments(drop: Drop) -> list[tuple[Decimal, Decimal, Decimal]]:
    names = ("total_investment", "period_investment", "cumulative_investment")
    return [tuple(r[n] for n in names) for r in drop.table("project_progress")]  # type: ignore[misc]


def test_merged_group_cell_maps_its_columns_and_its_unit(drop: Drop) -> None:
    """GIVEN 总投资/本期/累计 under a merged 投资情况（万元） cell WHEN intake runs THEN the three
    amounts are loaded (not NULL) from the first data row below the second header row."""
    drop.merged_xlsx("commerce/p.xlsx", [TITLE, TOP, SUB, ROW], MERGES)

    drop.run()

    log = drop.log()
    assert (log["status"], log["rows_accepted"]) == ("accepted", 1), log["reasons"]
    assert investments(drop) == [(50000, 1200, 8000)]
    assert drop.table("project_progress")[0]["excel_row"] == 4
    assert [w["rule"] for w in drop.table("submission_warning")] == ["synthetic_sample"]


def test_the_group_cells_unit_converts_its_columns(drop: Drop) -> None:
    top = [*TOP[:4], "投资情况（亿元）", *TOP[5:]]
    row = [*ROW[:4], 5, "0.12", 0.8, *ROW[7:]]
    drop.merged_xlsx("commerce/p.xlsx", [TITLE, top, SUB, row], MERGES)

    drop.run()

    assert drop.log()["status"] == "accepted"
    assert investments(drop) == [(50000, 1200, 8000)]


def test_child_labels_combine_with_the_group_label(drop: Drop) -> None:
    """本期 and 累计 under 完成投资（万元） are 本期完成投资 and 累计完成投资."""
    top = ["项目编号", "报告期", "项目状态", "总投资（万元）", "完成投资（万元）", None]
    sub = [None, None, None, None, "本期", "累计"]
    row = ["B08-P001", MONTH, "在建", 50000, 1200, 8000]
    merges = ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:F1"]
    drop.merged_xlsx("commerce/p.xlsx", [top, sub, row], merges)

    drop.run()

    assert drop.log()["status"] == "accepted"
    assert investments(drop) == [(50000, 1200, 8000)]


def test_csv_export_of_a_two_row_header_reads_the_same(drop: Drop) -> None:
    """A CSV has no merged cells: the group cell is followed by empty cells instead."""
    text = "\n".join(
        [
            "项目编号,报告期,项目状态,投资情况（万元）,,,备注",
            ",,,总投资,本期完成投资,累计完成投资,",
            "B08-P001,2023-05,在建,50000,1200,8000,",
        ]
    )
    drop.csv("commerce/p.csv", text)

    drop.run()

    assert drop.log()["status"] == "accepted"
    assert investments(drop) == [(50000, 1200, 8000)]


def test_a_row_of_units_below_the_header_applies_to_its_columns(drop: Drop) -> None:
    header = ["项目编号", "报告期", "项目状态", "总投资", "本期完成投资", "累计完成投资"]
    unit_row = [None, None, None, "亿元", "万元", "万元"]
    row = ["B08-P001", MONTH, "在建", 5, 1200, 8000]
    drop.xlsx("commerce/p.xlsx", ("s", [header, unit_row, row]))

    drop.run()

    assert drop.log()["status"] == "accepted"
    assert investments(drop) == [(50000, 1200, 8000)]


def test_a_unit_stated_above_the_table_applies_to_amounts_without_one(drop: Drop) -> None:
    """单位：亿元 above the table: 总投资 and 本期 are in 亿元; 累计 says 万元 itself."""
    header = ["项目编号", "报告期", "项目状态", "总投资", "本期完成投资", "累计完成投资（万元）"]
    rows = [["填报单位：市发改局", None, None, None, None, "单位：亿元"], header]
    drop.xlsx("commerce/p.xlsx", ("s", [*rows, ["B08-P001", MONTH, "在建", 5, 0.12, 8000]]))

    drop.run()

    assert drop.log()["status"] == "accepted"
    assert investments(drop) == [(50000, 1200, 8000)]


def test_two_columns_under_one_field_are_rejected_with_how_to_fix(drop: Drop) -> None:
    """计划 and 调整后 under a merged 总投资（万元）: which one is the total investment?"""
    top = ["项目编号", "报告期", "项目状态", "总投资（万元）", None]
    sub = [None, None, None, "计划", "调整后"]
    row = ["B08-P001", MONTH, "在建", 50000, 52000]
    drop.merged_xlsx("commerce/p.xlsx", [top, sub, row], ["A1:A2", "B1:B2", "C1:C2", "D1:E1"])

    drop.run()

    log = drop.log()
    assert log["status"] == "rejected"
    assert log["reason_codes"] == "column_without_header"
    assert "请填写列名（两行表头请合并为一行）" in log["reasons"]
    assert drop.table("project_progress") == []
    quarantined = drop.table("quarantine")
    assert "52000" in quarantined[0]["raw_record"]


def test_group_and_child_units_that_disagree_are_ambiguous(drop: Drop) -> None:
    sub = [None, None, None, None, "总投资（亿元）", "本期完成投资", "累计完成投资", None, None]
    drop.merged_xlsx("commerce/p.xlsx", [TITLE, TOP, sub, ROW], MERGES)

    drop.run()

    log = drop.log()
    assert (log["status"], log["reason_codes"]) == ("rejected", "header_ambiguous")
    assert "上下两行的单位“万元”与“亿元”不一致" in log["reasons"]
    assert "请将表头合并为一行" in log["reasons"]


def test_an_unplaced_column_with_money_rejects_the_file(drop: Drop) -> None:
    """A column headed like an amount (a money unit, or a near-miss of a field name) that holds
    values is refused, never silently ignored; a remarks column is still only a warning."""
    header = [*PROJECT_HEADER[:4], "投资额（万元）", "数据来源"]
    drop.xlsx("commerce/a.xlsx", ("s", [header, ["B08-P001", None, MONTH, "在建", 500, "台账"]]))
    header = [*PROJECT_HEADER[:4], "Total invest", "数据来源"]
    drop.xlsx("commerce/b.xlsx", ("s", [header, ["B08-P001", None, MONTH, "在建", 500, "台账"]]))
    header = [*PROJECT_HEADER[:4], "数据来源"]
    drop.xlsx("commerce/c.xlsx", ("s", [header, ["B08-P001", None, MONTH, "在建", "台账"]]))

    drop.run()

    a, b, c = (drop.log(f"commerce/{n}.xlsx") for n in "abc")
    assert (a["status"], a["reason_codes"]) == ("rejected", "column_not_mapped")
    assert "列“投资额（万元）”有 1 个数据，但无法对应到本数据集的字段" in a["reasons"]
    assert (b["status"], b["reason_codes"]) == ("rejected", "column_not_mapped")
    assert "（像是“总投资（万元）”）" in b["reasons"]
    assert "it looks like total_investment" in b["reasons"]
    assert c["status"] == "accepted"
    assert "extra_column_ignored" in c["warnings"]


def test_values_under_an_empty_header_cell_reject_the_file(drop: Drop) -> None:
    header = [*PROJECT_HEADER[:4], "总投资（万元）", None]
    drop.xlsx("commerce/p.xlsx", ("s", [header, ["B08-P001", None, MONTH, "在建", 50000, 1200]]))

    drop.run()

    log = drop.log()
    assert (log["status"], log["reason_codes"]) == ("rejected", "column_without_header")
    assert "第 6 列（F）没有表头，但有 1 个数据" in log["reasons"]
    assert '"第6列": 1200' in drop.table("quarantine")[0]["raw_record"]


def test_a_csv_comment_line_with_commas_is_a_title_not_a_group_row(drop: Drop) -> None:
    """GIVEN a CSV whose first line is a "#" comment with a comma in it WHEN intake runs THEN
    the comment is a title (it marks the file SYNTHETIC), not the upper row of a header."""
    drop.csv(
        "stats/v.csv",
        "# 合成数据 SYNTHETIC — test submission, not real data\n指标代码,年份,数值\nI01,2022,500\n",
    )

    drop.run()

    log = drop.log()
    assert (log["status"], log["rows_accepted"]) == ("accepted", 1), log["reasons"]
    assert [w["rule"] for w in drop.table("submission_warning")] == ["synthetic_sample"]
    assert drop.table("indicator_values")[0]["excel_row"] == 3
