"""The committed synthetic samples are current, labelled, and load as they were made to."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from orchestration.intake.discover import NOT_DEPARTMENTS
from orchestration.settings import SEEDS_DIR, TEMPLATES_DIR
from samples.bundle import write_samples
from samples.seeds import seed_rows
from samples.workbooks import SYNTHETIC
from tests.orchestration.intake.intake_support import Drop

RAW = TEMPLATES_DIR.parent
REGENERATE = "out of date: run `python -m samples` and commit the result"


def committed_samples() -> dict[str, bytes]:
    return {
        p.relative_to(RAW).as_posix(): p.read_bytes()
        for folder in RAW.iterdir()
        if folder.is_dir() and folder.name not in NOT_DEPARTMENTS
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_committed_samples_are_what_the_seeded_generator_writes(tmp_path: Path) -> None:
    write_samples(tmp_path, SEEDS_DIR)
    written = {
        p.relative_to(tmp_path).as_posix(): p.read_bytes()
        for p in tmp_path.rglob("*")
        if p.is_file()
    }
    committed = committed_samples()
    assert sorted(written) == sorted(committed), REGENERATE
    assert all(written[k] == committed[k] for k in written), REGENERATE


def test_every_sample_says_it_is_synthetic_and_they_are_small() -> None:
    found = committed_samples()
    assert sum(len(data) for data in found.values()) < 600_000
    for name, data in found.items():
        if name.endswith(".csv"):
            text = data.decode("gbk" if name.startswith("agriculture/粮食") else "utf-8-sig")
            assert text.startswith("# 示例数据（合成）/ SYNTHETIC SAMPLE DATA"), name
        else:
            sheet = openpyxl.load_workbook(RAW / name, read_only=True).worksheets[0]
            assert next(sheet.iter_rows(values_only=True))[0] == SYNTHETIC, name


def test_samples_load_with_the_outcomes_they_were_made_for(drop: Drop) -> None:
    """A fresh run over the bundled samples shows accepted, rejected and duplicate files,
    each for the reason it was made to show."""
    expected = write_samples(drop.raw, SEEDS_DIR)

    summary = drop.run()

    assert summary.files == {"seen": 58, "accepted": 52, "rejected": 5, "duplicate": 1}
    for log in drop.table("submission_log"):
        status, rule = expected[log["file_path"]]
        assert (log["status"], log["reason_codes"]) == (status, rule), log["file_path"]
    gdp_2023 = [
        r
        for r in drop.table("indicator_values")
        if (r["indicator_code"], r["year"]) == ("I01", 2023)
    ]
    assert len(gdp_2023) == 2  # the original and its revision
    statuses = {r["status_code"] for r in drop.table("project_progress")}
    assert statuses == {"planning", "under_construction", "completed", "suspended"}


def test_samples_show_every_kind_of_progress(drop: Drop) -> None:
    """The accepted sample values give the marts something to show for each status: targets
    overshot in 2025 (ahead), 5G coverage at its target in 2023 (achieved early, the mid-term),
    GDP behind, and a 2020 output for every sector, the baseline of its path to its target."""
    write_samples(drop.raw, SEEDS_DIR)
    drop.run()
    plan = seed_rows(SEEDS_DIR, "plan/indicators.csv")
    targets = {r["indicator_code"]: float(r["target_value"]) for r in plan if r["target_value"]}
    values = {
        (r["indicator_code"], r["year"]): float(r["value"])
        for r in drop.query(
            "select indicator_code, year, arg_max(value, received_at) as value "
            "from raw.indicator_values group by all"
        )
    }
    assert all(values[code, 2025] > targets[code] for code in ("I03", "I06", "I16"))
    assert values["I12", 2023] == targets["I12"] == 100
    assert values["I01", 2025] < targets["I01"]
    output = {(r["sector_code"], r["year"]): r["output_value"] for r in drop.table("sector_output")}
    sectors = {r["sector_code"] for r in seed_rows(SEEDS_DIR, "plan/sectors.csv")}
    assert {code for code, year in output if year == 2020} == sectors
    # 2025 against the output targets (亿元), with the ±5 % tolerance of the planned change
    assert output["medicine_health", 2025] > 300 + 0.05 * (300 - 100)
    assert abs(output["food_processing", 2025] - 200) <= 0.05 * (200 - 82)
    assert output["equipment_and_construction", 2025] < 200 - 0.05 * (200 - 95)
