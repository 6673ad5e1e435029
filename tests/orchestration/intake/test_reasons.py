"""Reasons that point the right way: each case once sent the clerk the wrong way (a wrong
rule, or a limit that was not the problem); each is proved on a real file."""

from __future__ import annotations

import datetime as dt
import re
import shutil

import openpyxl
from intake_support import INDICATOR_HEADER, PROJECT_HEADER, TITLE, Drop

from orchestration.settings import TEMPLATES_DIR

GDP = ["I01", None, 2021, 330, "亿元", None]


def test_semicolons_inside_quoted_notes_do_not_make_a_semicolon_csv(drop: Drop) -> None:
    """A comma CSV whose quoted notes hold ";" was read as ;-separated: no header found."""
    text = "\n".join(
        [
            "指标代码,年份,数值,备注",
            'I01,2021,330,"快报; 年报待定"',
            'I02,2021,52000,"口径; 常住人口; 2021年"',
            'I03,2021,60,"含网络零售; 不含批发"',
        ]
    )
    drop.csv("stats/notes.csv", text)

    drop.run()

    log = drop.log()
    assert (log["status"], log["rows_accepted"]) == ("accepted", 3), log["reasons"]
    assert {r["note"] for r in drop.table("indicator_values")} == {
        "快报; 年报待定",
        "口径; 常住人口; 2021年",
        "含网络零售; 不含批发",
    }


def test_a_semicolon_csv_is_still_read_as_one(drop: Drop) -> None:
    drop.csv("stats/semi.csv", '指标代码;年份;数值;备注\nI01;2021;"330";"a, b"\nI02;2021;52000;\n')

    drop.run()

    assert (drop.log()["status"], drop.log()["rows_accepted"]) == ("accepted", 2)


def test_a_formatted_empty_cell_in_the_last_row_is_not_a_row(drop: Drop) -> None:
    """One formatted, empty cell in row 1,048,576 made a 3-row workbook "more than 100000
    rows" (after 16 s); rows that hold no value do not count (time: benchmarks/intake.py)."""
    path = drop.raw / "stats" / "t.xlsx"
    path.parent.mkdir()
    book = openpyxl.Workbook()
    ws = book.active
    for row in (TITLE, INDICATOR_HEADER, GDP):
        ws.append(row)
    ws.cell(row=1_048_576, column=1).number_format = "0.00"
    book.save(path)

    drop.run()

    log = drop.log()
    assert (log["status"], log["rows_accepted"]) == ("accepted", 1), log["reasons"]


def test_a_formula_saved_without_its_result_says_to_open_and_save_it(drop: Drop) -> None:
    """openpyxl, like many export tools, writes formulas without a calculated value; that is
    not an empty cell (it was reported as "required value empty")."""
    path = drop.raw / "stats" / "f.xlsx"
    path.parent.mkdir()
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(INDICATOR_HEADER)
    ws.append(["I01", None, 2021, "=300+30", None, None])
    book.save(path)

    drop.run()

    log = drop.log()
    assert (log["status"], log["reason_codes"]) == ("rejected", "formula_without_value")
    assert "单元格是公式（=300+30），但文件中没有保存计算结果" in log["reasons"]
    assert "请在 Excel 中打开并保存以计算公式，或填写数值" in log["reasons"]
    assert [(q["excel_row"], q["column_name"], q["rule"]) for q in drop.table("quarantine")] == [
        (2, "数值", "formula_without_value")
    ]


def test_a_codes_sheet_holding_data_is_warned_and_only_exact_names_are_skipped(
    drop: Drop,
) -> None:
    """The template's own 代码表 sheet is skipped silently; a sheet named Codes that holds
    indicator rows is skipped with a warning naming it; "Codes 2023" is a data sheet."""
    codes = [
        ["indicator_code", "name_zh", "name_en", "unit"],
        ["I01", "地区生产总值", "GDP", "亿元"],
    ]
    drop.xlsx(
        "stats/a.xlsx",
        ("指标", [INDICATOR_HEADER, GDP]),
        ("代码表 Codes", codes),
        ("Codes", [INDICATOR_HEADER, ["I02", None, 2021, 52000, None, None]]),
    )
    drop.xlsx(
        "stats/b.xlsx", ("Codes 2023", [INDICATOR_HEADER, ["I03", None, 2021, 60, None, None]])
    )

    drop.run()

    a, b = drop.log("stats/a.xlsx"), drop.log("stats/b.xlsx")
    assert (a["status"], a["rows_accepted"]) == ("accepted", 1)
    warned = [(w["sheet"], w["rule"]) for w in drop.table("submission_warning")]
    assert warned == [("Codes", "auxiliary_sheet_ignored")]
    assert (
        "工作表“Codes”按名称是说明或代码表，未作为数据读取，但其中像是 indicator_values 数据"
        in a["warnings"]
    )
    assert (b["status"], b["rows_accepted"]) == ("accepted", 1)
    assert {r["indicator_code"] for r in drop.table("indicator_values")} == {"I01", "I03"}


def test_invisible_characters_in_a_code_are_removed_and_shown(drop: Drop) -> None:
    """I01 followed by a zero-width space was "not in the catalogue (did you mean: I01?)"."""
    drop.xlsx("stats/z.xlsx", ("s", [INDICATOR_HEADER, ["I01\u200b", None, 2021, 330, None, None]]))
    project = ["\ufeffB08-P001\u00a0", None, dt.date(2023, 5, 1), "在建", 1, 1, 1, None, None, None]
    drop.xlsx("commerce/p.xlsx", ("s", [PROJECT_HEADER, project]))
    # a Hangul filler draws nothing (NFKC makes it U+1160)
    hidden = ["I0\u31641", None, 2021, 330, None, None]
    drop.xlsx("stats/h.xlsx", ("s", [INDICATOR_HEADER, hidden]))

    drop.run()

    z, p, h = (drop.log(f) for f in ("stats/z.xlsx", "commerce/p.xlsx", "stats/h.xlsx"))
    assert (z["status"], p["status"]) == ("accepted", "accepted")
    assert drop.table("indicator_values")[0]["indicator_code"] == "I01"
    assert "“I01<U+200B>”中有看不见的字符（U+200B），已删除，按“I01”读取" in z["warnings"]
    assert "（U+00A0、U+FEFF）" in p["warnings"]
    assert h["status"] == "rejected"
    assert "指标“I0<U+1160>1”不在指标目录中" in h["reasons"]


def test_a_value_beyond_the_column_limit_is_refused_not_dropped(drop: Drop) -> None:
    row = "I01,2021,330" + "," * 70 + "遗漏的数据"
    drop.csv("stats/wide.csv", "指标代码,年份,数值\n" + row + "\n")

    drop.run()

    log = drop.log()
    assert (log["status"], log["reason_codes"]) == ("rejected", "too_many_columns")
    assert "第 73 列有数据，超过上限 64 列" in log["reasons"]


def test_a_template_header_broken_over_two_lines_is_quoted_on_one_line(drop: Drop) -> None:
    """The templates' header cells are "中文⏎english"; a reason quoted them as written, so
    the sentence broke inside the quotes ("数值⏎value")."""
    target = drop.raw / "stats" / "template.xlsx"
    target.parent.mkdir()
    shutil.copyfile(TEMPLATES_DIR / "indicator_values.xlsx", target)
    book = openpyxl.load_workbook(target)
    sheet = book.worksheets[0]
    assert sheet.cell(row=4, column=4).value == "数值\nvalue", "the template breaks its header"
    sheet.append(["I01", None, 2021, "三百三", "亿元", None, None])
    sheet.append(["I02", None, 2021, None, "元", None, None])
    book.save(target)

    drop.run()

    log = drop.log()
    assert log["status"] == "rejected", log["reasons"]
    assert "“数值 value”列" in log["reasons"], log["reasons"]
    assert "column '数值 value'" in log["reasons"]
    quarantined = drop.table("quarantine")
    assert {(q["excel_row"], q["column_name"]) for q in quarantined} >= {
        (6, "数值 value"),
        (7, "数值 value"),
    }
    _, *sentences = log["reasons"].split("\n")
    assert len(sentences) == 2, "one line per reason, none broken"
    whole = r"工作表“指标数据” 第 \d 行 “数值 value”列：.*\]"
    assert all(re.fullmatch(whole, sentence) for sentence in sentences), sentences
    for q in quarantined:
        assert "\n" not in q["reason_zh"] + q["reason_en"] + (q["column_name"] or ""), q
