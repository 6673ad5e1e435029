"""Messy but unambiguous submissions are normalised and loaded; revisions and copies kept apart."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal

from intake_support import INDICATOR_HEADER, PROJECT_HEADER, SECTOR_HEADER, TITLE, Drop, Formula


def values(drop: Drop) -> dict[tuple[str, int], Decimal]:
    return {(r["indicator_code"], r["year"]): r["value"] for r in drop.table("indicator_values")}


def test_gbk_csv_with_comment_title_full_width_digits_and_grain_in_wanton(drop: Drop) -> None:
    text = "\n".join(
        [
            "# 示例数据（合成）/ SYNTHETIC SAMPLE DATA",
            "指标名称,年份,数值,单位",
            "粮食综合生产能力,２０２２,８１.５,万吨",
            '粮食综合生产能力,2021,"16.3",亿斤',
        ]
    )
    drop.csv("agriculture/粮食.csv", text, encoding="gbk")

    drop.run()

    assert drop.log()["status"] == "accepted"
    assert values(drop) == {("I21", 2022): Decimal("16.3"), ("I21", 2021): Decimal("16.3")}
    assert [r["excel_row"] for r in drop.table("indicator_values")] == [3, 4]


def test_utf8_bom_and_utf16_tab_separated_csv_are_read(drop: Drop) -> None:
    drop.csv("finance/bom.csv", '指标代码,年份,数值,单位\nI04,2021,"215,400",万元\n', bom=True)
    drop.put("finance/u16.csv", "指标代码\t年份\t数值\nI04\t2022\t22.1\n".encode("utf-16"))

    summary = drop.run()

    assert summary.files["accepted"] == 2
    assert values(drop) == {("I04", 2021): Decimal("21.54"), ("I04", 2022): Decimal("22.1")}


def test_percent_spellings_all_mean_the_same_number_of_percent(drop: Drop) -> None:
    """61% written as "61%", 61, an Excel percentage cell, or 0.61 with unit 小数 → 61."""
    rows = [
        ["I07", None, 2020, "61%", None, None],
        ["I07", None, 2021, 61.5, "%", None],
        ["I07", None, 2022, 0.62, None, None],
        ["I07", None, 2023, 0.625, "小数", None],
        ["I07", None, 2024, "６３．０％", None, None],
    ]
    drop.xlsx("stats/p.xlsx", ("指标", [TITLE, INDICATOR_HEADER, *rows]), percent=[(4, 3)])

    drop.run()

    assert drop.log()["status"] == "accepted"
    assert values(drop) == {
        ("I07", 2020): 61,
        ("I07", 2021): Decimal("61.5"),
        ("I07", 2022): 62,
        ("I07", 2023): Decimal("62.5"),
        ("I07", 2024): 63,
    }


def test_money_converted_to_the_catalogue_unit(drop: Drop) -> None:
    rows = [
        ["I01", None, 2021, "3,300,000", "万元", None],
        ["I01", None, 2022, "360亿元", None, None],
        ["I02", None, 2021, "5.2万元", None, None],
        ["I17", None, 2021, 95.1, "m³/万元", None],
    ]
    drop.xlsx("stats/m.xlsx", ("s", [INDICATOR_HEADER, *rows]))

    drop.run()

    assert values(drop) == {
        ("I01", 2021): 330,
        ("I01", 2022): 360,
        ("I02", 2021): 52000,
        ("I17", 2021): Decimal("95.1"),
    }
    assert {r["unit"] for r in drop.table("indicator_values")} == {"亿元", "元", "立方米"}


def test_title_rows_blank_rows_footnotes_and_totals_are_not_data(drop: Drop) -> None:
    """Excel row numbers stay as Excel shows them; only real data rows are received."""
    sheet = [
        TITLE,
        ["梅河口市统计局 2021年主要指标"],
        [],
        ["English header", "指标代码 / indicator_code", "年份（year）", "数值(value)"],
        [None, "I01", 2021, 330],
        [],
        [None, "I02", 2021, 52000],
        [None, "合计", None, 999],
        ["注：2021年为年报数。"],
        ["数据来源：市统计局"],
    ]
    drop.xlsx("stats/t.xlsx", ("主要指标", sheet))

    drop.run()

    log = drop.log()
    assert (log["status"], log["rows_received"], log["rows_accepted"]) == ("accepted", 2, 2)
    assert [(r["sheet"], r["excel_row"]) for r in drop.table("indicator_values")] == [
        ("主要指标", 5),
        ("主要指标", 7),
    ]
    rules = {
        (w["rule"], w["excel_row"], w["column_name"]) for w in drop.table("submission_warning")
    }
    assert rules == {
        ("synthetic_sample", 1, None),
        ("extra_column_ignored", 4, "English header"),
        ("total_row_ignored", 8, None),
    }


def test_exact_duplicate_row_is_loaded_once_and_its_copy_quarantined(drop: Drop) -> None:
    drop.xlsx(
        "stats/d.xlsx",
        (
            "s",
            [
                INDICATOR_HEADER,
                ["I01", None, 2021, 330, None, None],
                ["I01", None, 2021, 330, None, None],
            ],
        ),
    )

    drop.run()

    log = drop.log()
    assert (log["status"], log["rows_received"], log["rows_accepted"], log["rows_quarantined"]) == (
        "accepted",
        2,
        1,
        1,
    )
    assert [(q["excel_row"], q["rule"]) for q in drop.table("quarantine")] == [(3, "duplicate_row")]
    assert "与第 2 行完全相同" in log["warnings"]


def test_formula_like_note_is_neutralised_and_formula_cells_read_as_values(drop: Drop) -> None:
    rows = [
        ["I01", None, 2021, Formula("=300+30"), None, '=HYPERLINK("http://x")'],
        ["I02", None, 2021, 52000, None, "-另见附件"],
    ]
    drop.xlsx("stats/f.xlsx", ("s", [INDICATOR_HEADER, *rows]))

    drop.run()

    notes = [r["note"] for r in drop.table("indicator_values")]
    assert notes == ['\'=HYPERLINK("http://x")', "'-另见附件"]
    assert [w["rule"] for w in drop.table("submission_warning")] == ["formula_neutralised"] * 2
    assert values(drop)[("I01", 2021)] == 0  # xlsxwriter stores 0 as the formula's cached value


def test_region_column_is_optional(drop: Drop) -> None:
    """A blank region cell means the file's region; a region without a plan takes no values."""
    drop.csv("stats/r.csv", "指标代码,年份,数值,地区代码,备注\nI01,2021,330,,\n")
    drop.csv("stats/p.csv", "指标代码,年份,数值,地区代码,备注\nI01,2021,12,220500,通化市\n")

    drop.run()

    assert {r["region_code"] for r in drop.table("indicator_values")} == {"220581"}
    assert drop.log("stats/p.csv")["reason_codes"] == "no_plan_in_force,unknown_department"


def test_project_progress_periods_statuses_and_money(drop: Drop) -> None:
    rows = [
        ["B08-P001", None, "2023Q2", "续建", "5亿元", 1200, 8000, "2022年4月18日", None, None],
        [
            None,
            "阜康酒精5G智能化仓储物流基地项目",
            "2023年5月",
            "completed",
            30000,
            "0.12亿元",
            "30,000",
            dt.date(2021, 3, 1),
            "20230520",
            "已投产",
        ],
        ["b06-p001", None, dt.date(2023, 7, 15), "前期", None, None, None, None, None, None],
    ]
    drop.xlsx("commerce/p.xlsx", ("项目", [TITLE, PROJECT_HEADER, *rows]))

    drop.run()

    got = [
        (
            r["project_code"],
            r["report_month"],
            r["status_code"],
            r["total_investment"],
            r["period_investment"],
            r["start_date"],
            r["completion_date"],
        )
        for r in drop.table("project_progress")
    ]
    assert got == [
        (
            "B08-P001",
            dt.date(2023, 6, 1),
            "under_construction",
            50000,
            1200,
            dt.date(2022, 4, 18),
            None,
        ),
        (
            "B08-P002",
            dt.date(2023, 5, 1),
            "completed",
            30000,
            1200,
            dt.date(2021, 3, 1),
            dt.date(2023, 5, 20),
        ),
        ("B06-P001", dt.date(2023, 7, 1), "planning", None, None, None, None),
    ]
    assert {w["rule"] for w in drop.table("submission_warning")} == {
        "synthetic_sample",
        "unexpected_department",
    }


def test_sector_output_by_name_code_and_in_wanyuan(drop: Drop) -> None:
    header = ["产业名称", "年份", "产值(万元)", "规上企业数（户）"]
    drop.csv(
        "commerce/s.csv",
        "\n".join([",".join(header), '商贸物流,2021,"460,000",12', "tourism,2021,210000,"]),
    )
    drop.xlsx("industry/s.xlsx", ("s", [SECTOR_HEADER, ["医药健康", 2021, 121.5, 31, None]]))

    drop.run()

    got = {
        (r["sector_code"], r["output_value"], r["enterprises"]) for r in drop.table("sector_output")
    }
    assert got == {
        ("commerce_logistics", 46, 12),
        ("tourism", 21, None),
        ("medicine_health", Decimal("121.5"), 31),
    }


def test_value_jump_is_a_warning_not_a_rejection(drop: Drop) -> None:
    drop.csv("stats/a.csv", "指标代码,年份,数值\nI03,2021,55\n")
    drop.run()
    drop.csv("stats/b.csv", "指标代码,年份,数值\nI03,2022,95\n")

    drop.run()

    log = drop.log("stats/b.csv")
    assert log["status"] == "accepted"
    assert "数值 95 与上一年 55 相比变化过大" in log["warnings"]


def test_revision_keeps_every_accepted_value(drop: Drop) -> None:
    """A later file for the same key is a revision: both rows are kept; the later one is newer."""
    drop.csv("stats/a.csv", "指标代码,年份,数值\nI01,2023,420\n")
    drop.csv("stats/b_更正.csv", "指标代码,年份,数值,备注\nI01,2023,427.6,经济普查修订\n")

    drop.run()

    rows = drop.query(
        "select value, received_at, submission_id from raw.indicator_values order by received_at"
    )
    assert [r["value"] for r in rows] == [420, Decimal("427.6")]
    assert rows[0]["received_at"] < rows[1]["received_at"]
    assert rows[0]["submission_id"] < rows[1]["submission_id"]


def test_byte_copy_is_a_duplicate_and_not_loaded_again(drop: Drop) -> None:
    original = drop.csv("stats/a.csv", "指标代码,年份,数值\nI01,2021,330\n")
    drop.put("stats/a - 副本.csv", original.read_bytes())

    summary = drop.run()

    assert (summary.files["accepted"], summary.files["duplicate"]) == (1, 1)
    # files are taken in path order, so "a - 副本.csv" (space sorts first) arrives first
    first, second = drop.log("stats/a - 副本.csv"), drop.log("stats/a.csv")
    assert second["status"] == "duplicate" and second["duplicate_of"] == first["submission_id"]
    assert "字节完全相同" in second["reasons"]
    assert len(drop.table("indicator_values")) == 1


def test_a_file_moved_out_of_a_wrong_folder_is_read_again(drop: Drop) -> None:
    """Rejected for where it was dropped, not for what it holds: the same bytes are not a copy."""
    misplaced = drop.csv("statistics/a.csv", "指标代码,年份,数值\nI01,2021,330\n")
    drop.run()
    (drop.raw / "stats").mkdir()
    misplaced.rename(drop.raw / "stats" / "a.csv")

    drop.run()

    assert drop.log("stats/a.csv")["status"] == "accepted"
    assert len(drop.table("indicator_values")) == 1


def test_rerun_is_idempotent_and_a_touched_file_is_a_duplicate(drop: Drop) -> None:
    path = drop.csv("stats/a.csv", "指标代码,年份,数值\nI01,2021,330\n")
    drop.run()

    again = drop.run()
    assert (again.files["seen"], again.files["unchanged"]) == (1, 1)
    os.utime(path, (1_700_000_000, 1_700_000_000))
    touched = drop.run()

    assert touched.files["duplicate"] == 1
    assert len(drop.table("submission_log")) == 2
    assert len(drop.table("indicator_values")) == 1


def test_every_file_is_archived_byte_for_byte_by_sha256(drop: Drop) -> None:
    path = drop.csv("stats/a.csv", "指标代码,年份,数值\nI01,2021,330\n")
    drop.put("stats/b.txt", b"notes")

    drop.run()

    for log in drop.table("submission_log"):
        archived = drop.home / "landing" / log["archive_path"]
        assert archived.name.startswith(log["sha256"])
    assert (
        drop.home / "landing" / drop.log("stats/a.csv")["archive_path"]
    ).read_bytes() == path.read_bytes()


def test_hidden_and_lock_files_are_ignored_hidden_sheets_warned(drop: Drop) -> None:
    drop.put("stats/~$a.xlsx", b"lock")
    drop.put("stats/.DS_Store", b"junk")
    drop.xlsx(
        "stats/h.xlsx",
        ("s", [INDICATOR_HEADER, ["I01", None, 2021, 330, None, None]]),
        ("old", [INDICATOR_HEADER, ["I01", None, 2021, 1, None, None]]),
        hidden=["old"],
    )

    summary = drop.run()

    assert summary.files["seen"] == 1
    assert [w["rule"] for w in drop.table("submission_warning")] == ["hidden_sheet_ignored"]
    assert values(drop) == {("I01", 2021): 330}


def test_templates_and_plan_folders_are_not_departments(drop: Drop) -> None:
    drop.put("templates/indicator_values.xlsx", b"anything")
    drop.put("plan/plan.txt", b"text")

    assert drop.run().files["seen"] == 0


def test_a_title_that_says_synthetic_marks_the_file_and_nothing_else_does(drop: Drop) -> None:
    """The bundled samples say so in their title; the reports show a SYNTHETIC banner from it."""
    drop.xlsx("stats/sample.xlsx", ("指标", [TITLE, INDICATOR_HEADER, ["I01", None, 2021, 330]]))
    drop.xlsx(
        "stats/real.xlsx",
        ("指标", [["2021年主要指标"], INDICATOR_HEADER, ["I01", None, 2021, 330]]),
    )

    drop.run()

    marked = drop.query(
        "select l.file_name, w.excel_row from raw.submission_warning w "
        "join raw.submission_log l using (submission_id) where w.rule = 'synthetic_sample'"
    )
    assert [(m["file_name"], m["excel_row"]) for m in marked] == [("sample.xlsx", 1)]
    statuses = drop.query("select status, reasons from raw.submission_log")
    assert {r["status"] for r in statuses} == {"accepted"}, statuses
