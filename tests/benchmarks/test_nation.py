"""The SYNTHETIC nation of the scale benchmark: deterministic, a sound hierarchy, labelled files.

Generated files only, small N; the refresh over them is the benchmark's job, not this test's.
"""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pytest

from benchmarks import nation
from orchestration.settings import SEEDS_DIR
from samples.seeds import seed_rows

COUNTIES = 2


def digests(root: Path) -> dict[str, str]:
    """Relative path → sha256 of every generated file except the dbt project copy."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "dbt_project" not in p.relative_to(root).parts
    }


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, nation.Nation]:
    """GIVEN a nation of two counties generated with seed 7."""
    root = tmp_path_factory.mktemp("nation") / "a"
    return root, nation.generate(root, COUNTIES, 7)


def test_the_same_seed_gives_the_same_bytes_and_another_seed_other_figures(generated, tmp_path):
    root, _ = generated
    again = nation.generate(tmp_path / "b", COUNTIES, 7)
    other = nation.generate(tmp_path / "c", COUNTIES, 8)

    assert digests(root) == digests(again.project.parent)
    assert (root / "dbt_project/seeds/plan/indicators.csv").read_bytes() == (
        again.project / "seeds/plan/indicators.csv"
    ).read_bytes()
    assert digests(root) != digests(other.project.parent)


def test_n_counties_each_have_their_own_plan_of_the_bundled_structure(generated):
    _, built = generated
    seeds = built.project / "seeds"
    counties = [r.code for r in built.regions if r.level == "county"]
    plans = [p for p in seed_rows(seeds, "plan/plans.csv") if p["region_code"] in counties]

    assert len(counties) == COUNTIES
    assert sorted(p["region_code"] for p in plans) == sorted(counties)
    assert all(p["is_synthetic"] == "true" and "SYNTHETIC" in p["name_en"] for p in plans)
    for name in ("indicators", "project_boxes", "projects", "sectors", "sector_targets"):
        bundled = seed_rows(SEEDS_DIR, f"plan/{name}.csv")
        copied = seed_rows(seeds, f"plan/{name}.csv")
        for plan in plans:
            mine = [r for r in copied if r["plan_id"] == plan["plan_id"]]
            assert len(mine) == len(bundled) > 0, (name, plan["plan_id"])
    departments = seed_rows(seeds, "plan/departments.csv")
    for county in counties:
        folders = {p.name for p in (built.raw / county).iterdir()}
        known = {d["department_code"] for d in departments if d["region_code"] == county}
        assert folders and folders <= known, county


def test_regions_sit_under_parents_by_the_hierarchy_rules_with_unreal_codes(generated):
    _, built = generated
    regions = {r["region_code"]: r for r in seed_rows(built.project / "seeds", "plan/regions.csv")}
    real = {r["region_code"] for r in seed_rows(SEEDS_DIR, "plan/regions.csv")}
    parent_level = {"county": "prefecture", "prefecture": "province"}
    shared_digits = {"county": 4, "prefecture": 2}
    synthetic = [r for code, r in regions.items() if code not in real]

    assert len(synthetic) == len(built.regions) == COUNTIES + 2
    defaults = [c for c, r in regions.items() if r["is_default"] == "true"]
    assert len(defaults) == 1 and defaults[0] in real, "the default region stays the real one"
    for region in synthetic:
        code = region["region_code"]
        assert len(code) == 6 and 85 <= int(code[:2]) <= 98, "beyond GB/T 2260's 11–82"
        assert region["is_synthetic"] == "true"
        if region["level"] == "province":
            assert region["parent_code"] == ""
        else:
            parent = regions[region["parent_code"]]
            assert parent["level"] == parent_level[region["level"]], code
            digits = shared_digits[region["level"]]
            assert code[:digits] == parent["region_code"][:digits], code


def test_every_generated_file_says_synthetic_in_its_title_row(generated):
    root, built = generated
    files = list((root / "reference").rglob("*.csv")) + list(built.raw.rglob("*.csv"))

    assert len(files) > 100
    for path in files:
        with path.open(encoding="utf-8") as handle:
            assert "SYNTHETIC" in handle.readline(), path
    assert "SYNTHETIC" in (root / "nation.json").read_text(encoding="utf-8")


def test_submissions_cover_every_dataset_with_revisions_and_rejected_files(generated):
    _, built = generated
    kinds = set(built.files)
    projects = set()
    for path in built.raw.rglob("重大项目进展_*.csv"):
        with path.open(encoding="utf-8") as handle:
            next(handle)
            projects |= {row["项目编号"] for row in csv.DictReader(handle)}

    assert {"project_progress", "indicator_values", "sector_output"} <= kinds
    assert any(k.endswith(":revision") for k in kinds)
    assert any(k.endswith(":rejected") for k in kinds)
    assert len(projects) == len(seed_rows(SEEDS_DIR, "plan/projects.csv"))


def test_the_new_month_is_held_back_then_added_for_every_county(tmp_path):
    built = nation.generate(tmp_path / "n", 1, 3)
    month = f"{nation.NEW_MONTH:%Y-%m}"

    def held(path: Path) -> bool:
        return month in path.read_text(encoding="utf-8")

    assert not any(held(p) for p in built.raw.rglob("重大项目进展_*.csv"))
    files, rows = nation.add_month(built, 3)
    added = list(built.raw.rglob(f"重大项目进展_{month}.csv"))
    assert files == len(added) > 0 and rows > 0
    assert all(held(p) for p in added)
