"""The sample indicator-value files of every reporting department, bad ones included."""

from __future__ import annotations

import shutil

from samples.values import YEARS
from samples.writer import ZH, Samples

EN = ["indicator_code", "year", "value", "unit", "note", "data_source"]


def write_indicators(s: Samples) -> None:
    """Indicator submissions of every reporting department, with the bad files among them."""
    stats = ["I01", "I02", "I03", "I05", "I07", "I08", "I09"]
    s.xlsx(
        "stats/指标数据_2020-2021.xlsx", s.rows(stats, [2020, 2021]), title="2020–2021年主要指标"
    )
    for year in (2022, 2023, 2024, 2025):
        s.xlsx(f"stats/指标数据_{year}.xlsx", s.rows(stats, [year]), title=f"{year}年主要指标")
    original = s.raw / "stats/指标数据_2023.xlsx"
    shutil.copyfile(original, s.raw / "stats/指标数据_2023_再次报送.xlsx")
    s.expect["stats/指标数据_2023_再次报送.xlsx"] = ("duplicate", None)
    revised = [r for r in s.rows(["I01", "I02"], [2023])]
    for row in revised:
        row[3] = round(float(row[3]) * 1.018, 2 if row[0] == "I01" else 0)  # type: ignore[arg-type]
        row[5] = "根据第五次全国经济普查结果修订"
    s.xlsx("stats/指标数据_2023_更正.xlsx", revised, title="2023年地区生产总值修订")
    quarterly = [
        ["", "地区生产总值增速", 2024, 5.2, "%", "前三季度"],
        ["", "规上工业增加值增速", 2024, 6.1, "%", "前三季度"],
    ]
    s.xlsx(
        "stats/季度快报_2024Q3.xlsx",
        quarterly,
        outcome="rejected",
        rule="unknown_indicator",
        title="2024年前三季度快报",
    )
    finance = s.rows(["I04"], [2021, 2022])
    finance[1][3:5] = [f"{float(finance[1][3]) * 10000:,.0f}", "万元"]  # type: ignore[arg-type]
    s.csv("finance/一般公共预算收入_2021-2022.csv", ZH, finance, bom=True)
    s.csv(
        "finance/一般公共预算收入_2023-2025.csv", ZH, s.rows(["I04"], [2023, 2024, 2025]), bom=True
    )
    fractions = [
        [*r[:3], round(float(r[3]) / 100, 3), "", None] for r in s.rows(["I06"], [2021, 2022])
    ]  # type: ignore[arg-type]
    s.csv(
        "science/有研发活动企业比重_2021-2022.csv",
        ZH,
        fractions,
        outcome="rejected",
        rule="percent_ambiguous",
    )
    as_percent = [[*r[:3], float(r[3]) / 100, None, r[5]] for r in s.rows(["I06"], [2021, 2022])]  # type: ignore[arg-type]
    s.xlsx(
        "science/有研发活动企业比重_2021-2022_更正.xlsx",
        as_percent,
        percent=(3,),
        title="有研发活动规上工业企业比重",
    )
    s.xlsx(
        "science/有研发活动企业比重_2023-2025.xlsx",
        s.rows(["I06"], [2023, 2024, 2025]),
        title="有研发活动规上工业企业比重",
    )
    health = [
        [r[0], r[2], r[3], r[4], r[5], "卫健统计年报"] for r in s.rows(["I10", "I11"], list(YEARS))
    ]
    s.csv("health/indicators_2021-2025.csv", EN, health)
    s.xlsx(
        "industry/5G网络覆盖率_2021-2025.xlsx", s.rows(["I12"], list(YEARS)), title="5G网络覆盖率"
    )
    s.xlsx("drc/能耗强度降低_2021-2025.xlsx", s.rows(["I13"], list(YEARS)), title="单位GDP能耗降低")
    ecology_2021 = s.rows(["I19", "I20"], [2021])
    wrong = [list(r) for r in ecology_2021]
    wrong[1][2] = 2031
    s.xlsx(
        "ecology/环境质量_2021.xlsx",
        wrong,
        outcome="rejected",
        rule="year_out_of_range",
        title="2021年环境质量",
    )
    s.xlsx("ecology/环境质量_2021_修正.xlsx", ecology_2021, title="2021年环境质量（修正）")
    s.xlsx(
        "ecology/环境质量_2022-2025.xlsx",
        s.rows(["I19", "I20"], [2022, 2023, 2024, 2025]),
        title="环境质量",
    )
    land = ["I15", "I16", "I18"]
    s.xlsx(
        "natural_resources/耕地与森林_2021-2022.xlsx",
        s.rows(land, [2021, 2022]),
        title="耕地与森林",
    )
    in_2023 = s.rows(land, [2023])
    hectares = [list(r) for r in in_2023]
    hectares[2][3:5] = [round(float(in_2023[2][3]) / 100 * 211_900, -2), "公顷"]  # type: ignore[arg-type]
    s.xlsx(
        "natural_resources/耕地与森林_2023.xlsx",
        hectares,
        outcome="rejected",
        rule="unit_not_convertible",
        title="2023年耕地与森林",
    )
    s.xlsx("natural_resources/耕地与森林_2023_更正.xlsx", in_2023, title="2023年耕地与森林（更正）")
    s.xlsx(
        "natural_resources/耕地与森林_2024-2025.xlsx",
        s.rows(land, [2024, 2025]),
        title="耕地与森林",
    )
    water = [[*r[:4], "立方米/万元", r[5]] for r in s.rows(["I17"], list(YEARS))]
    s.csv("water/万元GDP用水量_2021-2025.csv", ZH, water)
    grain = s.rows(["I21"], list(YEARS))
    grain[1][3:5] = [round(float(grain[1][3]) * 5, 1), "万吨"]  # type: ignore[arg-type]
    grain[2][3] = str(grain[2][3]).translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))
    s.csv("agriculture/粮食综合生产能力_2021-2025.csv", ZH, grain, encoding="gbk")
    s.xlsx(
        "energy/能源综合生产能力_2021-2025.xlsx",
        s.rows(["I22"], list(YEARS)),
        title="能源综合生产能力",
    )
