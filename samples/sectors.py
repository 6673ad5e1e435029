"""The sample sector-output files: yearly workbooks from industry, CSVs from the others."""

from __future__ import annotations

from samples.period import BASELINE
from samples.seeds import seed_rows
from samples.values import YEARS, sector_output
from samples.writer import Samples

SECTOR = ["产业", "年份", "产值（亿元）", "规上企业数（户）", "备注"]


def write_sectors(s: Samples) -> None:
    """Sector output from 2020 (the baseline of each sector's path; the plan publishes none):
    yearly workbooks from industry (2020 with 2021), 2020–2025 CSVs from the other owners."""
    owners: dict[str, list[str]] = {}
    for row in seed_rows(s.seeds_dir, "plan/sectors.csv"):
        owners.setdefault(row["department_code"], []).append(row["sector_code"])
    years = [BASELINE, *YEARS]
    for department, codes in sorted(owners.items()):
        rows = [
            [
                code,
                year,
                *sector_output(code, year, s.rng),
                "基期值" if year == BASELINE else None,
            ]
            for year in years
            for code in codes
        ]
        if department == "industry":
            for first, last in [
                (BASELINE, BASELINE + 1),
                *((year, year) for year in YEARS[1:]),
            ]:
                span = f"{first}" if first == last else f"{first}-{last}"
                s.xlsx(
                    f"industry/产业产值_{span}.xlsx",
                    [r for r in rows if first <= r[1] <= last],  # type: ignore[operator]
                    SECTOR,
                    sheet="产业产值",
                    title=f"{span.replace('-', '–')}年重点产业产值",
                )
        elif department == "culture_tourism":
            in_wan = [[r[0], r[1], f"{float(r[2]) * 10000:,.0f}", r[3], "按万元填报"] for r in rows]  # type: ignore[arg-type]
            s.csv(
                f"{department}/产业产值_{BASELINE}-{BASELINE + 5}.csv",
                ["产业", "年份", "产值（万元）", "规上企业数（户）", "备注"],
                in_wan,
            )
        else:
            s.csv(f"{department}/产业产值_{BASELINE}-{BASELINE + 5}.csv", SECTOR, rows)
