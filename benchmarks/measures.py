"""SYNTHETIC indicator values and sector output for the plan region and synthetic regions."""

from __future__ import annotations

import random

import pandas as pd

from orchestration.settings import SEEDS_DIR
from samples.period import BASELINE, END
from samples.seeds import seed_rows
from samples.values import SECTOR_BASE, indicator_value, sector_output

YEARS = range(BASELINE, END + 1)
# The synthetic rows arrive early in the year after the plan's last year.
RECEIVED = pd.Timestamp(f"{END + 1}-01-10 09:00")
NOTE = "合成基准数据 synthetic benchmark row"


def _factor(region_no: int) -> float:
    """A synthetic region's size relative to the plan region (0.6–1.4; 1 for the plan region)."""
    return 1.0 if region_no == 0 else 0.6 + (region_no % 9) / 10


def _frame(rows: list[dict[str, object]], prefix: str) -> pd.DataFrame:
    """Rows grouped into one submission per region and department, numbered like a sheet."""
    frame = pd.DataFrame(rows)
    frame["submission_id"] = prefix + frame["region_code"] + "-" + frame["department_code"]
    frame["excel_row"] = frame.groupby("submission_id").cumcount() + 4
    frame["note"] = NOTE
    region_no = frame["region_code"].rank(method="dense").astype(int)
    frame["received_at"] = RECEIVED + pd.to_timedelta(region_no, "min")
    return frame


def indicator_frame(regions: list[str]) -> pd.DataFrame:
    """Every indicator in every region and year 2020–2025 (2020 only with a baseline)."""
    rng = random.Random(14)
    plan: list[tuple[dict[str, str], int, float]] = []
    for row in seed_rows(SEEDS_DIR, "plan/indicators.csv"):
        base, target = (float(row[k] or 0) for k in ("baseline_value", "target_value"))
        for year in YEARS:
            if year == BASELINE and not row["baseline_value"]:
                continue
            value = (
                base
                if year == BASELINE
                else indicator_value(row["indicator_code"], base, target, year, rng)
            )
            plan.append((row, year, value))
    rows = [
        {
            "department_code": row["department_code"],
            "sheet": "指标数据",
            "indicator_code": row["indicator_code"],
            "region_code": region,
            "year": year,
            "value": value if row["unit"] == "%" else round(value * _factor(number), 2),
            "unit": row["unit"],
        }
        for number, region in enumerate(regions)
        for row, year, value in plan
    ]
    return _frame(rows, "bench-iv-")


def _sector_year(code: str, year: int, rng: random.Random) -> tuple[float, int]:
    """Output and enterprises of a sector: the 2020 base, then the samples' growth path."""
    return sector_output(code, year, rng) if year > BASELINE else (SECTOR_BASE[code], 10)


def sector_frame(regions: list[str]) -> pd.DataFrame:
    """Every sector in every region and year 2020–2025: output (亿元) and enterprises."""
    rng = random.Random(14)
    plan = [
        (row, year, *_sector_year(row["sector_code"], year, rng))
        for row in seed_rows(SEEDS_DIR, "plan/sectors.csv")
        for year in YEARS
    ]
    rows = [
        {
            "department_code": row["department_code"],
            "sheet": "产业产值",
            "sector_code": row["sector_code"],
            "region_code": region,
            "year": year,
            "output_value": round(output * _factor(number), 2),
            "enterprises": max(1, round(enterprises * _factor(number))),
        }
        for number, region in enumerate(regions)
        for row, year, output, enterprises in plan
    ]
    return _frame(rows, "bench-so-")
