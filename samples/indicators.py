"""The sample indicator-value files of every reporting department, bad ones included."""

from __future__ import annotations

import shutil

from samples.period import BASELINE
from samples.values import YEARS
from samples.writer import ZH, Samples

EN = ["indicator_code", "year", "value", "unit", "note", "data_source"]


def write_indicators(s: Samples) -> None:
    """Indicator submissions of every reporting department, with the bad files among them."""
    stats = ["I01", "I02", "I03", "I05", "I07", "I08", "I09"]
    s.xlsx(
        f"stats/指标数据_{BASELINE}-{BASELINE + 1}.xlsx",
        s.rows(stats, [BASELINE, BASELINE + 1]),
        title=f"{BASELINE}–{BASELINE + 1}年主要指标",
    )
    for year in (BASELINE + 2, BASELINE + 3, BASELINE + 4, BASELINE + 5):
        s.xlsx(f"stats/指标数据_{year}.xlsx", s.rows(stats, [year]), title=f"{year}年主要指标")
    original = s.raw / f"stats/指标数据_{BASELINE + 3}.xlsx"
    shutil.copyfile(original, s.raw / f"stats/指标数据_{BASELINE + 3}_再次报送.xlsx")
    s.expect[f"stats/指标数据_{BASELINE + 3}_再次报送.xlsx"] = ("duplicate", None)
    revised = [r for r in s.rows(["I01", "I02"], [BASELINE + 3])]
    for row in revised:
        row[3] = round(float(row[3]) * 1.018, 2 if row[0] == "I01" else 0)  # type: ignore[arg-type]
        row[5] = "根据第五次全国经济普查结果修订"
    s.xlsx(
        f"stats/指标数据_{BASELINE + 3}_更正.xlsx",
        revised,
        title=f"{BASELINE + 3}年地区生产总值修订",
    )
    quarterly = [
        ["", "地区生产总值增速", BASELINE + 4, 5.2, "%", "前三季度"],
        ["", "规上工业增加值增速", BASELINE + 4, 6.1, "%", "前三季度"],
    ]
    s.xlsx(
        f"stats/季度快报_{BASELINE + 4}Q3.xlsx",
        quarterly,
        outcome="rejected",
        rule="unknown_indicator",
        title=f"{BASELINE + 4}年前三季度快报",
    )
    finance = s.rows(["I04"], [BASELINE + 1, BASELINE + 2])
    finance[1][3:5] = [f"{float(finance[1][3]) * 10000:,.0f}", "万元"]  # type: ignore[arg-type]
    s.csv(f"finance/一般公共预算收入_{BASELINE + 1}-{BASELINE + 2}.csv", ZH, finance, bom=True)
    s.csv(
        f"finance/一般公共预算收入_{BASELINE + 3}-{BASELINE + 5}.csv",
        ZH,
        s.rows(["I04"], [BASELINE + 3, BASELINE + 4, BASELINE + 5]),
        bom=True,
    )
    fractions = [
        [*r[:3], round(float(r[3]) / 100, 3), "", None]
        for r in s.rows(["I06"], [BASELINE + 1, BASELINE + 2])
    ]  # type: ignore[arg-type]
    s.csv(
        f"science/有研发活动企业比重_{BASELINE + 1}-{BASELINE + 2}.csv",
        ZH,
        fractions,
        outcome="rejected",
        rule="percent_ambiguous",
    )
    as_percent = [
        [*r[:3], float(r[3]) / 100, None, r[5]]
        for r in s.rows(["I06"], [BASELINE + 1, BASELINE + 2])
    ]  # type: ignore[arg-type]
    s.xlsx(
        f"science/有研发活动企业比重_{BASELINE + 1}-{BASELINE + 2}_更正.xlsx",
        as_percent,
        percent=(3,),
        title="有研发活动规上工业企业比重",
    )
    s.xlsx(
        f"science/有研发活动企业比重_{BASELINE + 3}-{BASELINE + 5}.xlsx",
        s.rows(["I06"], [BASELINE + 3, BASELINE + 4, BASELINE + 5]),
        title="有研发活动规上工业企业比重",
    )
    health = [
        [r[0], r[2], r[3], r[4], r[5], "卫健统计年报"] for r in s.rows(["I10", "I11"], list(YEARS))
    ]
    s.csv(f"health/indicators_{BASELINE + 1}-{BASELINE + 5}.csv", EN, health)
    s.xlsx(
        f"industry/5G网络覆盖率_{BASELINE + 1}-{BASELINE + 5}.xlsx",
        s.rows(["I12"], list(YEARS)),
        title="5G网络覆盖率",
    )
    s.xlsx(
        f"drc/能耗强度降低_{BASELINE + 1}-{BASELINE + 5}.xlsx",
        s.rows(["I13"], list(YEARS)),
        title="单位GDP能耗降低",
    )
    ecology_2021 = s.rows(["I19", "I20"], [BASELINE + 1])
    wrong = [list(r) for r in ecology_2021]
    wrong[1][2] = BASELINE + 11
    s.xlsx(
        f"ecology/环境质量_{BASELINE + 1}.xlsx",
        wrong,
        outcome="rejected",
        rule="year_out_of_range",
        title=f"{BASELINE + 1}年环境质量",
    )
    s.xlsx(
        f"ecology/环境质量_{BASELINE + 1}_修正.xlsx",
        ecology_2021,
        title=f"{BASELINE + 1}年环境质量（修正）",
    )
    s.xlsx(
        f"ecology/环境质量_{BASELINE + 2}-{BASELINE + 5}.xlsx",
        s.rows(["I19", "I20"], [BASELINE + 2, BASELINE + 3, BASELINE + 4, BASELINE + 5]),
        title="环境质量",
    )
    land = ["I15", "I16", "I18"]
    s.xlsx(
        f"natural_resources/耕地与森林_{BASELINE + 1}-{BASELINE + 2}.xlsx",
        s.rows(land, [BASELINE + 1, BASELINE + 2]),
        title="耕地与森林",
    )
    in_2023 = s.rows(land, [BASELINE + 3])
    hectares = [list(r) for r in in_2023]
    hectares[2][3:5] = [round(float(in_2023[2][3]) / 100 * 211_900, -2), "公顷"]  # type: ignore[arg-type]
    s.xlsx(
        f"natural_resources/耕地与森林_{BASELINE + 3}.xlsx",
        hectares,
        outcome="rejected",
        rule="unit_not_convertible",
        title=f"{BASELINE + 3}年耕地与森林",
    )
    s.xlsx(
        f"natural_resources/耕地与森林_{BASELINE + 3}_更正.xlsx",
        in_2023,
        title=f"{BASELINE + 3}年耕地与森林（更正）",
    )
    s.xlsx(
        f"natural_resources/耕地与森林_{BASELINE + 4}-{BASELINE + 5}.xlsx",
        s.rows(land, [BASELINE + 4, BASELINE + 5]),
        title="耕地与森林",
    )
    water = [[*r[:4], "立方米/万元", r[5]] for r in s.rows(["I17"], list(YEARS))]
    s.csv(f"water/万元GDP用水量_{BASELINE + 1}-{BASELINE + 5}.csv", ZH, water)
    grain = s.rows(["I21"], list(YEARS))
    grain[1][3:5] = [round(float(grain[1][3]) * 5, 1), "万吨"]  # type: ignore[arg-type]
    grain[2][3] = str(grain[2][3]).translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))
    s.csv(
        f"agriculture/粮食综合生产能力_{BASELINE + 1}-{BASELINE + 5}.csv", ZH, grain, encoding="gbk"
    )
    s.xlsx(
        f"energy/能源综合生产能力_{BASELINE + 1}-{BASELINE + 5}.xlsx",
        s.rows(["I22"], list(YEARS)),
        title="能源综合生产能力",
    )
