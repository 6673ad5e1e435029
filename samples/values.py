"""Plausible synthetic values for the sample submissions: indicator paths, sectors, projects."""

from __future__ import annotations

import random

from samples.period import BASELINE, END, START

YEARS = range(START, END + 1)
# indicator: pace of progress along the plan path (1 = on track, <1 lagging, >1 ahead).
# Not capped at the target: a pace above 1 overshoots it, so in 2025 I03, I06 and I16 are
# ahead (beyond the path by more than the 5 % tolerance) and I16 reaches 2000亩 in 2024.
PACE = {
    "I01": 0.72,
    "I02": 1.0,
    "I03": 1.12,
    "I04": 0.97,
    "I06": 1.2,
    "I07": 0.9,
    "I08": 0.82,
    "I09": 0.86,
    "I10": 0.62,
    "I11": 1.0,
    "I12": 1.5,
    "I16": 1.3,
    "I17": 1.05,
    "I20": 0.55,
    "I21": 1.02,
    "I22": 1.25,
}
COMPOUND = {"I01", "I02", "I03", "I04", "I08", "I09"}
# indicators without a usable baseline/target path: explicit yearly values 2021..2025
EXPLICIT = {
    "I05": [7.1, 5.8, 6.9, 6.2, 6.6],  # labour productivity growth, % per year (target >6.5)
    "I13": [3.1, 2.8, 3.4, 3.0, 2.9],  # energy-intensity reduction, % (target pending)
    "I15": [17.31, 17.3, 17.32, 17.3, 17.31],  # cultivated land floor 17.3万亩: held
    "I18": [35.9, 36.2, 36.5, 36.8, 37.1],  # forest coverage, no published baseline
    "I19": [88.2, 84.1, 86.5, 87.9, 89.3],  # good-air-day rate, floor 85 broken in 2022
    "I12": [38.5, 67.0, 100.0, 100.0, 100.0],  # 5G coverage: target reached early (2023)
}
SECTOR_BASE = {
    "medicine_health": 100.0,
    "food_processing": 82.0,
    "commerce_logistics": 46.0,
    "modern_services": 38.0,
    "tourism": 21.0,
    "information_technology": 6.5,
    "high_end_equipment": 12.0,
    "biomedicine": 31.0,
    "new_materials": 8.2,
    "digital_creative": 1.9,
    "equipment_and_construction": 95.0,
    "convention_exhibition": 2.4,
    "traffic_economy": 3.1,
    "clean_energy": 9.8,
    "environmental_protection": 4.4,
}
# yearly growth; the sectors with a 2025 output target (seed sector_targets) need 24.6 %
# (医药健康 100 → 300亿元), 19.5 % (食品加工 82 → 200) and 16.0 % (装备制造和建筑 95 → 200):
# medicine and health runs ahead, food processing on track, equipment and construction lags
SECTOR_GROWTH = {
    "medicine_health": 0.27,
    "food_processing": 0.195,
    "equipment_and_construction": 0.13,
}
# tourism output as a share of SECTOR_BASE, 2020..2025: COVID dip, then the 2023 rebound
TOURISM_INDEX = [0.66, 0.72, 0.61, 1.05, 1.18, 1.3]


def indicator_value(
    code: str, baseline: float, target: float, year: int, rng: random.Random
) -> float:
    """Value in a year on the path from 2020 baseline to 2025 target, at the indicator's pace."""
    if code in EXPLICIT:
        return EXPLICIT[code][year - START]
    share = (year - BASELINE) / (END - BASELINE) * PACE.get(code, 1.0)
    noise = 1 + rng.uniform(-0.006, 0.006)
    if code in COMPOUND and baseline > 0:
        value = baseline * (target / baseline) ** share * noise
    else:
        value = (baseline + (target - baseline) * share) * (noise if baseline else 1)
    return round(value, 2 if abs(value) < 1000 else 0)


def sector_output(code: str, year: int, rng: random.Random) -> tuple[float, int]:
    """Output (亿元) and above-scale enterprises of a sector in a year (2020 = the baseline).

    The 2020 baseline is exact and draws nothing from `rng`; a plan year's output is the
    sector's growth path with ±2 % noise on the level, so a sector's status is its growth's.
    """
    base = SECTOR_BASE[code]
    if code == "tourism":
        value = base * TOURISM_INDEX[year - BASELINE]
    elif year == BASELINE:
        value = base
    else:
        growth = (1 + SECTOR_GROWTH.get(code, 0.08)) ** (year - BASELINE)
        value = base * growth * (1 + rng.uniform(-0.02, 0.02))
    if year == BASELINE:
        return round(value, 2), max(1, round(value * 0.3))
    return round(value, 2), max(1, round(value * rng.uniform(0.25, 0.4)))
