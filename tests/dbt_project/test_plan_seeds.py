"""Fidelity of the plan reference seeds to the plan text they were curated from, and the
rules every set of plan and region seeds must keep (plans of a region never overlap, units
are the catalogue's, one default region). The rules are functions of a seeds folder, so a
test fixture that appends plans to a copy of the seeds checks them the same way.

Every check reads the committed CSVs and the vendored plan text; nothing is generated.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from seed_rules import PLAN_KEYED, plan_seed_problems, rows_of

from orchestration.settings import PLAN_TEXT, REPO_ROOT, SEEDS_DIR

PLAN_SEEDS = SEEDS_DIR / "plan"
PLAN_ID = "220581-14"
TABLE_TITLE = "梅河口市“十四五”国民经济和社会发展指标体系"
NOT_A_NUMBER = {"--", "待省下达"}
HEADING_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")


@cache
def seed(name: str) -> list[dict[str, str]]:
    """Rows of one committed plan seed CSV, as text."""
    return rows_of(SEEDS_DIR, name)


@cache
def plan_lines() -> list[str]:
    """The plan text, one entry per line (line n is index n - 1)."""
    return PLAN_TEXT.read_text(encoding="utf-8").split("\n")


def squeeze(text: str) -> str:
    """Drop line breaks and the spaces the PDF extraction inserted, so names compare whole."""
    return re.sub(r"\s+", "", text)


@cache
def plan_squeezed() -> str:
    return squeeze("\n".join(plan_lines()))


def line(number: str | int) -> str:
    return plan_lines()[int(number) - 1]


def table_rows() -> dict[int, list[str]]:
    """The indicator table: line number -> tab-separated cells, from its title to the first gap."""
    lines = plan_lines()
    start = next(i for i, text in enumerate(lines) if text.strip() == TABLE_TITLE)
    header = next(i for i in range(start + 1, len(lines)) if lines[i].strip())
    rows: dict[int, list[str]] = {}
    number = header + 2  # 1-based number of the line after the header row
    while number <= len(lines) and lines[number - 1].strip():
        rows[number] = lines[number - 1].split("\t")
        number += 1
    return rows


def printed_matches(printed: str, stored: str) -> bool:
    """Whether a stored number is the printed cell (61 matches 61%, 67.5 matches 67.50%)."""
    if printed in NOT_A_NUMBER:
        return stored == ""
    return stored != "" and Decimal(printed.removesuffix("%")) == Decimal(stored)


def test_indicators_are_the_22_table_rows_in_order():
    rows = seed("indicators")
    assert [r["indicator_code"] for r in rows] == [f"I{n:02d}" for n in range(1, 23)]
    assert [r["seq"] for r in rows] == [str(n) for n in range(1, 23)]
    assert [int(r["source_line"]) for r in rows] == sorted(table_rows())


def test_indicator_cells_are_as_printed_in_the_table():
    table = table_rows()
    problems = []
    category = ""
    for r in seed("indicators"):
        cells = table.get(int(r["source_line"]))
        if cells is None or len(cells) != 7:
            problems.append(f"{r['indicator_code']}: line {r['source_line']} is not a table row")
            continue
        category = cells[0] or category
        expected = {
            "category_zh": category,
            "seq": cells[1],
            "name_zh_published": cells[2],
            "published_change": cells[5],
            "attribute_zh": cells[6],
        }
        problems += [
            f"{r['indicator_code']}.{col}: {r[col]!r} != printed {want!r}"
            for col, want in expected.items()
            if r[col] != want
        ]
        for col, printed in (("baseline_value", cells[3]), ("target_value", cells[4])):
            if not printed_matches(printed, r[col]):
                problems.append(f"{r['indicator_code']}.{col}: {r[col]!r} vs printed {printed!r}")
            if printed.endswith("%") and r["unit"] != "%":
                problems.append(f"{r['indicator_code']}: printed {printed!r} but unit {r['unit']}")
    assert problems == []


def test_target_text_is_what_the_table_prints_for_the_target():
    """The target cell, or the change cell where the target cell is -- and the change column
    states the target instead (a rate >6.5, 待省下达)."""
    table = table_rows()
    problems = []
    for r in seed("indicators"):
        cells = table[int(r["source_line"])]
        stated_in_change = cells[4] == "--" and (cells[5] == "待省下达" or cells[5][:1] == ">")
        printed = cells[5] if stated_in_change else cells[4]
        if (r["target_text"], r["target_kind"]) != (printed, "numeric"):
            problems.append(f"{r['indicator_code']}: {r['target_text']!r} != printed {printed!r}")
    assert problems == []


def test_indicator_statuses_follow_the_printed_placeholders():
    table = table_rows()
    problems = []
    for r in seed("indicators"):
        cells = table[int(r["source_line"])]
        baseline = "not_published" if cells[3] == "--" else "published"
        target = {"--": "not_set", "待省下达": "pending_province"}.get(cells[4], "set")
        if cells[5] == "待省下达":
            target = "pending_province"
        binding = "true" if r["attribute_zh"] == "约束性" else "false"
        got = (r["baseline_status"], r["target_status"], r["is_binding"])
        if got != (baseline, target, binding):
            problems.append(f"{r['indicator_code']}: {got} != {(baseline, target, binding)}")
    assert problems == []


def test_indicator_name_is_the_published_name_without_unit_or_pdf_spaces():
    problems = [
        r["indicator_code"]
        for r in seed("indicators")
        if r["name_zh"] != re.sub(r"（[^）]*）$", "", r["name_zh_published"].replace(" ", ""))
    ]
    assert problems == []


def test_every_indicator_has_semantics():
    semantics = [r["indicator_code"] for r in seed("indicator_semantics")]
    assert semantics == [r["indicator_code"] for r in seed("indicators")]


def test_outline_has_13_chapters_with_body_headings_at_their_lines():
    sections = seed("plan_sections")
    chapters = [r for r in sections if r["level"] == "chapter"]
    assert [int(r["chapter_no"]) for r in chapters] == list(range(1, 14))
    problems = [
        r["section_id"]
        for r in sections
        if HEADING_NUMBER.sub("", squeeze(line(r["source_line"]))) != squeeze(r["title_zh"])
    ]
    assert problems == []


def test_sections_belong_to_their_chapter():
    chapter_ids = {r["section_id"] for r in seed("plan_sections") if r["level"] == "chapter"}
    problems = [
        r["section_id"]
        for r in seed("plan_sections")
        if r["level"] == "section"
        and (
            r["parent_id"] not in chapter_ids
            or r["section_id"] != f"{r['parent_id']}.S{int(r['section_no']):02d}"
        )
    ]
    assert problems == []


def test_boxes_are_numbered_1_to_30_with_titles_at_their_lines():
    boxes = seed("project_boxes")
    assert [int(r["box_no"]) for r in boxes] == list(range(1, 31))
    problems = [
        r["box_no"]
        for r in boxes
        if squeeze(line(r["source_line"])) != f"专栏{r['box_no']}{squeeze(r['title_zh'])}"
    ]
    assert problems == []


def test_each_box_sits_in_the_section_printed_before_it():
    starts = sorted(
        (int(r["source_line"]), r["section_id"])
        for r in seed("plan_sections")
        if r["level"] == "section"
    )
    problems = []
    for box in seed("project_boxes"):
        enclosing = [sid for start, sid in starts if start < int(box["source_line"])][-1]
        if box["section_id"] != enclosing:
            problems.append(f"box {box['box_no']}: {box['section_id']} != {enclosing}")
    assert problems == []


def test_project_names_appear_in_the_plan_text():
    missing = [
        r["project_code"]
        for r in seed("projects")
        if squeeze(r["name_zh"]) not in plan_squeezed()
        or squeeze(r["name_zh"])[:2] not in squeeze(line(r["source_line"]))
    ]
    assert missing == []


def test_project_subheadings_open_a_line_between_their_box_and_their_item():
    box_lines = {r["box_no"]: int(r["source_line"]) for r in seed("project_boxes")}
    missing = [
        r["project_code"]
        for r in seed("projects")
        if r["subheading_zh"]
        and not any(
            squeeze(line(n)).startswith(squeeze(r["subheading_zh"]))
            for n in range(box_lines[r["box_no"]], int(r["source_line"]) + 1)
        )
    ]
    assert missing == []


def test_project_codes_are_unique_and_follow_box_and_position():
    projects = seed("projects")
    codes = [r["project_code"] for r in projects]
    assert len(codes) == len(set(codes))
    assert codes == [f"B{int(r['box_no']):02d}-P{int(r['seq_in_box']):03d}" for r in projects]
    for box, seqs in _seqs_by_box(projects).items():
        assert seqs == list(range(1, len(seqs) + 1)), f"box {box}"


def _seqs_by_box(projects: list[dict[str, str]]) -> dict[str, list[int]]:
    by_box: dict[str, list[int]] = {}
    for r in projects:
        by_box.setdefault(r["box_no"], []).append(int(r["seq_in_box"]))
    return by_box


def test_project_count_of_each_box_equals_its_projects():
    counts = Counter(r["box_no"] for r in seed("projects"))
    problems = {
        r["box_no"]: (r["project_count"], counts[r["box_no"]])
        for r in seed("project_boxes")
        if int(r["project_count"]) != counts[r["box_no"]]
    }
    assert problems == {}


def test_truncated_and_prose_projects_are_explained():
    problems = [
        r["project_code"]
        for r in seed("projects")
        if (r["is_truncated"] == "true" or r["capture_method"] == "prose")
        and not (r["note"] or _box_note(r["box_no"]))
    ]
    assert problems == []
    assert any(r["is_truncated"] == "true" for r in seed("projects"))


def _box_note(box_no: str) -> str:
    return next(r["note"] for r in seed("project_boxes") if r["box_no"] == box_no)


def test_sector_target_quotes_appear_at_their_lines():
    missing = [
        f"{r['sector_code']}.{r['metric']}"
        for r in seed("sector_targets")
        if squeeze(r["quote"]) not in squeeze(line(r["source_line"]))
        or squeeze(r["quote"]) not in plan_squeezed()
    ]
    assert missing == []


def test_sector_target_values_are_stated_in_their_quotes():
    words = {"3": "3", "5": "五", "1": "一"}
    problems = [
        f"{r['sector_code']}.{r['metric']}"
        for r in seed("sector_targets")
        if _plain(r["target_value"]) not in r["quote"]
        and words.get(_plain(r["target_value"]), "?") not in r["quote"]
    ]
    assert problems == []


def _plain(number: str) -> str:
    return format(Decimal(number).normalize(), "f")


def test_sectors_are_named_at_their_lines():
    missing = [
        r["sector_code"]
        for r in seed("sectors")
        if squeeze(r["name_zh"]) not in squeeze(line(r["source_line"]))
    ]
    assert missing == []


@pytest.mark.parametrize(
    "seed_name", ["indicators", "project_boxes", "sectors", "sector_targets", "projects"]
)
def test_referenced_keys_exist(seed_name: str):
    departments = {r["department_code"] for r in seed("departments")}
    sectors = {r["sector_code"] for r in seed("sectors")}
    boxes = {r["box_no"] for r in seed("project_boxes")}
    sections = {r["section_id"] for r in seed("plan_sections")}
    lookups = {
        "department_code": departments,
        "sector_code": sectors,
        "box_no": boxes,
        "section_id": sections,
    }
    problems = [
        f"{col}={r[col]}"
        for r in seed(seed_name)
        for col, known in lookups.items()
        if col in r and r[col] not in known
    ]
    assert problems == []


def test_departments_are_assumed_drop_folder_names():
    problems = [
        r["department_code"]
        for r in seed("departments")
        if not re.fullmatch(r"[a-z][a-z0-9_]*", r["department_code"])
        or r["is_assumed"] != "true"
        or not r["note"]
    ]
    assert problems == []
    required = {"stats", "drc", "finance", "industry", "agriculture", "ecology"}
    assert required <= {r["department_code"] for r in seed("departments")}


def test_meihekou_is_the_only_default_region():
    defaults = [r["region_code"] for r in seed("regions") if r["is_default"] == "true"]
    assert defaults == ["220581"]


def test_every_row_of_the_real_plan_seeds_is_of_the_meihekou_plan():
    assert [r["plan_id"] for r in seed("plans")] == [PLAN_ID]
    others = {name: {r["plan_id"] for r in seed(name)} - {PLAN_ID} for name in PLAN_KEYED}
    assert others == {name: set() for name in PLAN_KEYED}
    assert {r["region_code"] for r in seed("departments")} == {"220581"}
    assert not any(r["is_synthetic"] == "true" for r in seed("plans") + seed("regions"))


def test_the_plan_years_are_those_of_the_14th_plan():
    [plan] = seed("plans")
    assert (plan["start_year"], plan["end_year"], plan["baseline_year"]) == ("2021", "2025", "2020")
    assert (REPO_ROOT / plan["source_path"]).resolve() == PLAN_TEXT.resolve()


def test_header_only_seeds_are_empty_for_meihekou():
    assert seed("target_amendments") == []
    assert seed("annual_targets") == []


def test_catalogue_rolls_up_only_the_additive_indicators():
    catalogue = {r["indicator_code"]: r for r in seed("indicator_catalogue")}
    assert list(catalogue) == [r["indicator_code"] for r in seed("indicators")]
    summed = sorted(code for code, r in catalogue.items() if r["aggregation"] == "sum")
    assert summed == ["I01", "I03", "I04", "I15", "I16", "I21", "I22"]
    weighted = [
        (c, r["weight_indicator_code"])
        for c, r in catalogue.items()
        if r["aggregation"] == "weighted_mean"
    ]
    assert weighted == [("I17", "I01")], "water per 10,000 yuan of GDP, weighted by GDP"


def test_the_real_plan_and_region_seeds_keep_every_rule():
    assert plan_seed_problems(SEEDS_DIR) == []


def test_the_rules_catch_overlapping_plans_wrong_units_and_two_defaults(tmp_path: Path):
    """GIVEN a copy of the seeds with a plan overlapping 220581-14, an indicator in another
    unit, a plan of an unknown region and a second default region, THEN each is named."""
    (tmp_path / "plan").mkdir()
    for path in PLAN_SEEDS.glob("*.csv"):
        (tmp_path / "plan" / path.name).write_text(path.read_text(encoding="utf-8"), "utf-8")
    plans = (tmp_path / "plan" / "plans.csv").read_text(encoding="utf-8")
    plans += "220581-15,220581,15,重叠,,,,2025,2030,2024,,,true,\n"
    plans += "990000-14,990000,14,无区划,,,,2021,2025,2020,,,true,\n"
    (tmp_path / "plan" / "plans.csv").write_text(plans, encoding="utf-8")
    indicators = (tmp_path / "plan" / "indicators.csv").read_text(encoding="utf-8")
    (tmp_path / "plan" / "indicators.csv").write_text(
        indicators.replace(",亿元,295,", ",万元,295,"), encoding="utf-8"
    )
    regions = (tmp_path / "plan" / "regions.csv").read_text(encoding="utf-8")
    (tmp_path / "plan" / "regions.csv").write_text(
        regions.replace("prefecture_level_city,220000,false", "prefecture_level_city,220000,true"),
        encoding="utf-8",
    )
    problems = plan_seed_problems(tmp_path)
    assert "plans 220581-14 and 220581-15 of one region overlap" in problems
    assert "plan 990000-14: region 990000 not in regions" in problems
    assert "220581-14 I01: unit '万元' != catalogue '亿元'" in problems
    assert "default regions ['220581', '220500']: exactly one must be true" in problems
