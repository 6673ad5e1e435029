"""Bad submissions: each is rejected with the exact rule and a reason a clerk can act on."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from intake_support import INDICATOR_HEADER, PROJECT_HEADER, SECTOR_HEADER, TITLE, Drop

from orchestration.intake import archive
from orchestration.intake.formats import OLE_MAGIC
from orchestration.intake.reading import Limits

Row = tuple[int | None, str | None, str]


@dataclass
class Case:
    """One bad input: how to make it, and what intake must say about it."""

    build: Callable[[Drop], None]
    rules: set[str]
    reason: str
    quarantine: set[Row] = field(default_factory=set)
    status: str = "rejected"
    limits: Limits = field(default_factory=Limits)


def indicators(
    *rows: list[object], header: list[str] = INDICATOR_HEADER, rel: str = "stats/t.xlsx"
) -> Callable[[Drop], None]:
    """A one-sheet indicator workbook: title row 1, header row 2, data from row 3."""
    return lambda d: d.xlsx(rel, ("指标数据", [TITLE, header, *rows])) and None


def projects(*rows: list[object]) -> Callable[[Drop], None]:
    return lambda d: d.xlsx("drc/p.xlsx", ("项目", [TITLE, PROJECT_HEADER, *rows])) and None


def sectors(*rows: list[object], header: list[str] = SECTOR_HEADER) -> Callable[[Drop], None]:
    return lambda d: d.xlsx("industry/s.xlsx", ("产业", [TITLE, header, *rows])) and None


def raw_bytes(rel: str, data: bytes) -> Callable[[Drop], None]:
    return lambda d: d.put(rel, data) and None


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


GDP = ["I01", "地区生产总值", 2021, 330, "亿元", None]


def truncated(d: Drop) -> None:
    """An upload cut off half way: the first 900 bytes of a real workbook."""
    whole = d.xlsx("stats/whole.xlsx", ("s", [INDICATOR_HEADER, GDP]))
    data = whole.read_bytes()
    whole.unlink()
    d.put("stats/cut.xlsx", data[:900])


START, DONE = dt.date(2022, 4, 18), dt.date(2024, 9, 30)
PROJECT = ["B08-P001", None, "2023-05", "在建", 50000, 1200, 8000, START, None, None]


def project(**changes: object) -> list[object]:
    row = list(PROJECT)
    for name, value in changes.items():
        row[
            [
                "code",
                "name",
                "month",
                "status",
                "total",
                "period",
                "cumulative",
                "start",
                "done",
                "note",
            ].index(name)
        ] = value
    return row


CASES: dict[str, Case] = {
    # whole-file problems
    "empty_xlsx": Case(raw_bytes("stats/empty.xlsx", b""), {"file_empty"}, "文件是空的（0 字节）"),
    "empty_csv": Case(
        raw_bytes("stats/empty.csv", b""), {"file_empty"}, "the file is empty (0 bytes)"
    ),
    "corrupt_xlsx": Case(
        raw_bytes("stats/bad.xlsx", b"\x00\x01garbage" * 50),
        {"file_corrupt"},
        "文件已损坏或无法读取",
    ),
    "truncated_xlsx": Case(truncated, {"file_corrupt"}, "File is not a zip file"),
    "wrong_extension_txt": Case(
        raw_bytes("stats/data.txt", "指标代码,年份,数值\nI01,2021,330\n".encode()),
        {"unsupported_extension"},
        "不接受“.txt”类型的文件",
    ),
    "no_extension": Case(
        raw_bytes("stats/data", b"I01,2021,330\n"), {"unsupported_extension"}, "(无扩展名 none)"
    ),
    "macro_workbook_xlsm": Case(
        raw_bytes("stats/data.xlsm", zipped({"xl/workbook.xml": b"<x/>"})),
        {"unsupported_extension"},
        'file type ".xlsm" is not accepted',
    ),
    "legacy_xls": Case(
        raw_bytes("stats/old.xls", OLE_MAGIC + b"\x00" * 600),
        {"legacy_xls"},
        "旧版 Excel 97-2003（.xls）格式",
    ),
    "xls_renamed_xlsx": Case(
        raw_bytes("stats/old.xlsx", OLE_MAGIC + b"\x00" * 600),
        {"legacy_xls"},
        "save it as .xlsx in Excel",
    ),
    "password_protected_xlsx": Case(
        raw_bytes(
            "stats/locked.xlsx",
            OLE_MAGIC + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 64,
        ),
        {"workbook_encrypted"},
        "工作簿设置了打开密码",
    ),
    "xlsx_named_csv": Case(
        raw_bytes("stats/x.csv", zipped({"xl/workbook.xml": b"<x/>"})),
        {"extension_mismatch"},
        "文件内容是Excel 工作簿，与扩展名“.csv”不符",
    ),
    "docx_renamed_xlsx": Case(
        raw_bytes("stats/report.xlsx", zipped({"word/document.xml": b"<w/>"})),
        {"file_corrupt"},
        "not an Excel workbook",
    ),
    "file_too_large": Case(
        indicators(GDP), {"file_too_large"}, "超过上限 1000 字节", limits=Limits(max_bytes=1000)
    ),
    "zip_bomb": Case(
        raw_bytes(
            "stats/bomb.xlsx",
            zipped({"xl/workbook.xml": b"<x/>", "xl/pad.bin": b"\x00" * 3_000_000}),
        ),
        {"workbook_too_large"},
        "可能是压缩炸弹",
        limits=Limits(max_unpacked=2_000_000),
    ),
    "too_many_rows": Case(
        indicators(*[["I01", None, 2021, i, None, None] for i in range(60)]),
        {"too_many_rows"},
        "行数超过上限 50 行",
        limits=Limits(max_rows=50),
    ),
    "undecodable_csv": Case(
        raw_bytes("stats/x.csv", b"\xd6\xb8\xb1\xea,\x80\x80\xff\n"),
        {"encoding_unknown"},
        "无法识别 CSV 文件的编码",
    ),
    "binary_csv": Case(
        raw_bytes("stats/x.csv", b"a,b\x00c\n"), {"file_corrupt"}, "binary NUL bytes"
    ),
    "unknown_department": Case(
        lambda d: d.xlsx("tourism_office/t.xlsx", ("s", [INDICATOR_HEADER, GDP])) and None,
        {"unknown_department"},
        "文件夹“tourism_office”不是已登记的部门代码",
    ),
    "no_department_folder": Case(
        raw_bytes("loose.csv", b"I01,2021,330\n"),
        {"no_department_folder"},
        "文件直接放在报送目录根下",
    ),
    # headers and layout
    "no_header": Case(
        indicators(["地区", "2021", "330"], header=["说明文字", "随便", "什么"]),
        {"dataset_unrecognised"},
        "未找到可识别的表头",
    ),
    "header_only": Case(indicators(), {"no_data_rows"}, "表头下没有数据行"),
    "mixed_datasets": Case(
        lambda d: (
            d.xlsx(
                "stats/m.xlsx",
                ("指标", [INDICATOR_HEADER, GDP]),
                ("产业", [SECTOR_HEADER, ["tourism", 2021, 20, 5, None]]),
            )
            and None
        ),
        {"mixed_datasets"},
        "indicator_values、sector_output",
    ),
    "missing_value_column": Case(
        indicators(["I01", None, 2021], header=["指标代码", "指标名称", "年份"]),
        {"missing_column"},
        "缺少必填列“数值”",
    ),
    "duplicate_column": Case(
        indicators(["I01", 2021, 330, 331], header=["指标代码", "年份", "数值", "数值"]),
        {"duplicate_column"},
        "列“数值”出现了不止一次",
    ),
    "header_unit_not_money": Case(
        sectors(
            ["tourism", 2021, 20, 5, None],
            header=["产业", "年份", "产值（吨）", "规上企业数（户）", "备注"],
        ),
        {"header_unit_not_convertible"},
        "表头单位“吨”无法换算为亿元",
    ),
    # indicator rows
    "unknown_indicator_name": Case(
        indicators(GDP, [None, "地区生产总值增速", 2021, 6.1, "%", None]),
        {"unknown_indicator"},
        "指标“地区生产总值增速”不在指标目录中（是否为：I01 地区生产总值",
        {(4, "指标名称", "unknown_indicator")},
    ),
    "unknown_indicator_code": Case(
        indicators(["I99", None, 2021, 1, None, None]),
        {"unknown_indicator"},
        "指标“I99”不在指标目录中",
        {(3, "指标代码", "unknown_indicator")},
    ),
    "code_name_mismatch": Case(
        indicators(["I01", "森林覆盖率", 2021, 330, None, None]),
        {"code_name_mismatch"},
        "指标代码 I01 与指标名称“森林覆盖率”不一致",
        {(3, "指标名称", "code_name_mismatch")},
    ),
    "year_2031": Case(
        indicators(GDP, ["I01", None, 2031, 340, None, None]),
        {"year_out_of_range"},
        "年份 2031 不在 2020–2025 之间",
        {(4, "年份", "year_out_of_range")},
    ),
    "year_2019": Case(
        indicators(["I01", None, 2019, 270, None, None]),
        {"year_out_of_range"},
        "year 2019 is outside 2020–2025",
        {(3, "年份", "year_out_of_range")},
    ),
    "year_two_digits": Case(
        indicators(["I01", None, "21", 330, None, None]),
        {"year_invalid"},
        "“21”不是有效年份",
        {(3, "年份", "year_invalid")},
    ),
    "value_not_a_number": Case(
        indicators(["I01", None, 2021, "约三百亿", None, None]),
        {"not_a_number"},
        "“约三百亿”不是有效数字",
        {(3, "数值", "not_a_number")},
    ),
    "value_formula_text": Case(
        indicators(["I01", None, 2021, "=SUM(D1:D2)", None, None]),
        {"formula_in_cell"},
        "以“=”开头，像是公式",
        {(3, "数值", "formula_in_cell")},
    ),
    "value_at_command": Case(
        indicators(["I01", None, 2021, "@cmd", None, None]),
        {"formula_in_cell"},
        'starts with "@" like a formula',
        {(3, "数值", "formula_in_cell")},
    ),
    "percent_as_fraction": Case(
        indicators(["I07", None, 2021, 0.62, "%", None]),
        {"percent_ambiguous"},
        "百分比指标的数值 0.62 有歧义：若指 62%，请填“62%”或 62",
        {(3, "数值", "percent_ambiguous")},
    ),
    "percent_in_hectares": Case(
        indicators(["I18", None, 2023, 31000, "公顷", None]),
        {"unit_not_convertible"},
        "单位“公顷”无法换算为该指标的目录单位“%”",
        {(3, "数值", "unit_not_convertible")},
    ),
    "energy_in_kwh": Case(
        indicators(["I22", None, 2023, 5.1, "亿千瓦时", None]),
        {"unit_not_convertible"},
        "单位“亿千瓦时”无法换算为该指标的目录单位“万吨标准煤”",
        {(3, "数值", "unit_not_convertible")},
    ),
    "percent_sign_on_money": Case(
        indicators(["I01", None, 2021, "33%", None, None]),
        {"unit_not_convertible"},
        "单位“%”无法换算为该指标的目录单位“亿元”",
        {(3, "数值", "unit_not_convertible")},
    ),
    "unit_conflict": Case(
        indicators(["I01", None, 2021, "330亿元", "万元", None]),
        {"unit_conflict"},
        "数值自带单位“亿元”与单位列“万元”不一致",
        {(3, "数值", "unit_conflict")},
    ),
    "percent_over_100": Case(
        indicators(["I12", None, 2024, 120, None, None]),
        {"value_out_of_range"},
        "数值 120 超出该单位的合理范围",
        {(3, "数值", "value_out_of_range")},
    ),
    "negative_gdp": Case(
        indicators(["I01", None, 2021, -5, None, None]),
        {"value_out_of_range"},
        "value -5 is outside the plausible range",
        {(3, "数值", "value_out_of_range")},
    ),
    "absurd_number": Case(
        indicators(["I01", None, 2021, "9999999999999", None, None]),
        {"number_too_large"},
        "大得不合理",
        {(3, "数值", "number_too_large")},
    ),
    "blank_value": Case(
        indicators(["I01", None, 2021, None, None, "待核"]),
        {"required_value_missing"},
        "必填项“数值”为空",
        {(3, "数值", "required_value_missing")},
    ),
    "blank_year": Case(
        indicators(["I01", None, None, 330, None, None]),
        {"required_value_missing"},
        "必填项“年份”为空",
        {(3, "年份", "required_value_missing")},
    ),
    "same_key_two_values": Case(
        indicators(GDP, ["I01", None, 2021, 331, None, None]),
        {"duplicate_key"},
        "同一指标、地区和年份在文件中出现了多次，且各行内容不同",
        {(3, "指标代码", "duplicate_key"), (4, "指标代码", "duplicate_key")},
    ),
    "unknown_region": Case(
        indicators(["I01", 2021, 330, "999999"], header=["指标代码", "年份", "数值", "地区代码"]),
        {"unknown_region"},
        "地区代码“999999”不在地区目录中",
        {(3, "地区代码", "unknown_region")},
    ),
    # project rows
    "cumulative_below_period": Case(
        projects(project(period=9000, cumulative=8000)),
        {"cumulative_below_period"},
        "累计完成投资 8000 小于本期完成投资 9000",
        {(3, "累计完成投资（万元）", "cumulative_below_period")},
    ),
    "completion_before_start": Case(
        projects(project(status="已竣工", done=dt.date(2021, 1, 5))),
        {"completion_before_start"},
        "竣工日期 2021-01-05 早于开工日期 2022-04-18",
        {(3, "竣工日期", "completion_before_start")},
    ),
    "unknown_status": Case(
        projects(project(status="快完了")),
        {"unknown_status"},
        "项目状态“快完了”无法识别（可填：前期谋划(planning)",
        {(3, "项目状态", "unknown_status")},
    ),
    "month_13": Case(
        projects(project(month="2023-13")),
        {"month_invalid"},
        "“2023-13”不是有效报告期",
        {(3, "报告期", "month_invalid")},
    ),
    "month_as_decimal": Case(
        projects(project(month=2023.1)),
        {"month_invalid"},
        "不是有效报告期",
        {(3, "报告期", "month_invalid")},
    ),
    "month_after_plan": Case(
        projects(project(month="2026-01")),
        {"month_out_of_range"},
        "报告期 2026-01-01 不在 2020–2025 年之间",
        {(3, "报告期", "month_out_of_range")},
    ),
    "ambiguous_project_name": Case(
        projects(project(code=None, name="梅河口市物流园区")),
        {"ambiguous_project_name"},
        "对应多个项目（B06-P099、B08-P099），请填写项目编号",
        {(3, "项目名称", "ambiguous_project_name")},
    ),
    "unknown_project_name": Case(
        projects(project(code=None, name="梅河口市新机场")),
        {"unknown_project"},
        "项目“梅河口市新机场”不在规划项目清单中",
        {(3, "项目名称", "unknown_project")},
    ),
    "unknown_project_code": Case(
        projects(project(code="B99-P001")),
        {"unknown_project"},
        "项目“B99-P001”不在规划项目清单中",
        {(3, "项目编号", "unknown_project")},
    ),
    "negative_investment": Case(
        projects(project(period=-50)),
        {"negative_value"},
        "数值 -50 不能为负数",
        {(3, "本期完成投资（万元）", "negative_value")},
    ),
    "impossible_date": Case(
        projects(project(start="2023-02-30")),
        {"date_invalid"},
        "“2023-02-30”不是有效日期",
        {(3, "开工日期", "date_invalid")},
    ),
    "investment_in_tonnes": Case(
        projects(project(total="500吨")),
        {"unit_not_convertible"},
        "单位“吨”无法换算",
        {(3, "总投资（万元）", "unit_not_convertible")},
    ),
    # sector rows
    "unknown_sector": Case(
        sectors(["航天产业", 2021, 20, 5, None]),
        {"unknown_sector"},
        "产业“航天产业”不在产业目录中",
        {(3, "产业", "unknown_sector")},
    ),
    "enterprises_beyond_integer": Case(
        sectors(["tourism", 2021, 20, 3_000_000_000, None]),
        {"value_out_of_range"},
        "数值 3000000000 超出该单位的合理范围（本列按 integer 存储，绝对值最大为 2147483647）",
        {(3, "规上企业数（户）", "value_out_of_range")},
    ),
    "yuan_beyond_decimal_after_conversion": Case(
        indicators(["I02", None, 2021, 2_000_000, "亿元", None]),
        {"value_out_of_range"},
        "the column is stored as decimal(20,6): at most 99999999999999.999999 元",
        {(3, "数值", "value_out_of_range")},
    ),
    "fractional_enterprises": Case(
        sectors(["tourism", 2021, 20, "12.5", None]),
        {"not_an_integer"},
        "“12.5”不是整数",
        {(3, "规上企业数（户）", "not_an_integer")},
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_is_rejected_with_its_rule_and_reason(drop: Drop, name: str) -> None:
    """GIVEN one bad file WHEN intake runs THEN it is logged with the exact rule, a readable
    reason and exactly the quarantined rows expected, and nothing of it reaches the facts."""
    case = CASES[name]
    case.build(drop)
    summary = drop.run(case.limits)

    log = drop.log()
    assert summary.files[case.status] == 1
    assert log["status"] == case.status
    assert set((log["reason_codes"] or "").split(",")) - {""} == case.rules
    assert case.reason in log["reasons"]
    found = {
        (q["excel_row"], q["column_name"], q["rule"])
        for q in drop.table("quarantine")
        if q["rule"] != "file_rejected"
    }
    assert found == case.quarantine
    assert log["rows_accepted"] == 0
    for table in ("indicator_values", "project_progress", "sector_output"):
        assert drop.table(table) == []


def test_at_least_thirty_bad_input_cases() -> None:
    assert len(CASES) >= 30


def test_symlink_out_of_the_drop_folder_is_not_read(drop: Drop, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A link in a department folder pointing outside raw/ is rejected unread and unarchived."""
    secret = tmp_path / "secret.csv"
    secret.write_text("指标代码,年份,数值\nI01,2021,330\n", encoding="utf-8")
    (drop.raw / "stats").mkdir()
    (drop.raw / "stats" / "link.csv").symlink_to(secret)

    drop.run()

    log = drop.log("stats/link.csv")
    assert (log["status"], log["reason_codes"]) == ("rejected", "path_outside_drop_folder")
    assert "这是指向报送目录之外的链接" in log["reasons"]
    assert log["sha256"] is None and log["archive_path"] is None
    assert not (drop.home / "landing").exists() or not any((drop.home / "landing").rglob("*.csv"))


def test_one_bad_file_does_not_stop_the_good_ones(drop: Drop) -> None:
    """Malformed files sit next to good files; every good file still loads."""
    drop.put("stats/a_corrupt.xlsx", b"not a workbook")
    drop.xlsx("stats/b_good.xlsx", ("s", [INDICATOR_HEADER, GDP]))
    drop.put("stats/c_empty.csv", b"")
    drop.csv("stats/d_good.csv", "指标代码,年份,数值\nI02,2021,52000\n")

    summary = drop.run()

    assert (summary.files["accepted"], summary.files["rejected"]) == (2, 2)
    assert sorted(r["indicator_code"] for r in drop.table("indicator_values")) == ["I01", "I02"]


def test_fifo_in_a_department_folder_is_not_opened(drop: Drop) -> None:
    """Opening a named pipe would block the run forever; it is rejected unread instead."""
    (drop.raw / "stats").mkdir()
    os.mkfifo(drop.raw / "stats" / "pipe.csv")

    drop.run()

    assert (drop.log()["status"], drop.log()["reason_codes"]) == ("rejected", "not_a_regular_file")


def test_unreadable_file_is_rejected_and_others_still_load(drop: Drop, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    drop.csv("stats/a.csv", "指标代码,年份,数值\nI01,2021,330\n")
    drop.csv("stats/b.csv", "指标代码,年份,数值\nI02,2021,52000\n")
    real_land = archive.land

    def land(source: Path, landing: Path) -> archive.Landed:
        if source.name == "a.csv":
            raise PermissionError(13, "Permission denied")
        return real_land(source, landing)

    monkeypatch.setattr(archive, "land", land)
    drop.run()

    log = drop.log("stats/a.csv")
    assert (log["status"], log["reason_codes"]) == ("rejected", "file_unreadable")
    assert "无法读取文件（Permission denied）" in log["reasons"]
    assert drop.log("stats/b.csv")["status"] == "accepted"


def test_file_still_being_written_is_left_for_the_next_run(drop: Drop, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    drop.csv("stats/a.csv", "指标代码,年份,数值\nI01,2021,330\n")

    def changing(source: Path, landing: Path) -> archive.Landed:
        raise archive.FileChanging(str(source))

    with monkeypatch.context() as patch:
        patch.setattr(archive, "land", changing)
        summary = drop.run()
    assert summary.files["still_changing"] == 1 and drop.table("submission_log") == []

    assert drop.run().files["accepted"] == 1


def test_undecodable_file_name_is_logged_readably(drop: Drop) -> None:
    (drop.raw / "stats").mkdir()
    name = os.fsdecode(b"\xb1\xa8\xcb\xcd.csv")  # GBK bytes from an old zip tool, not UTF-8
    (drop.raw / "stats" / name).write_text("指标代码,年份,数值\nI01,2021,330\n", encoding="utf-8")

    drop.run()

    log = drop.log()
    assert log["status"] == "accepted"
    assert log["file_name"] == "\ufffd\ufffd\ufffd\ufffd.csv"
