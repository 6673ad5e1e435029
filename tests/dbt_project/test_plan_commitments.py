"""Fidelity of the plan commitments seed to the plan text it was curated from.

Every check reads the committed CSVs and the vendored plan text; nothing is generated.
"""

from __future__ import annotations

import csv
import re
from decimal import Decimal
from functools import cache

from orchestration.settings import PLAN_TEXT, SEEDS_DIR

PLAN_SEEDS = SEEDS_DIR / "plan"
PLAN_ID = "220581-14"
COLUMNS = [
    "plan_id",
    "commitment_code",
    "section_id",
    "quote",
    "source_line",
    "subject_zh",
    "subject_en",
    "unit",
    "target_value",
    "target_year",
    "comparison",
    "baseline_value",
    "baseline_year",
    "department_code",
    "is_department_assumed",
    "note",
]
COMPARISONS = {"at_least", "at_most", "reach", "multiple", "increase_by", "decrease_by"}
# How the plan prints a number in words (五厂两站, 百名, 一所).
NUMERALS = {"1": ["一"], "2": ["两", "二"], "5": ["五"], "100": ["百"]}
DOUBLING = ("翻番", "翻一番")
# Names the text uses for a headline indicator besides its table name.
INDICATOR_ALIASES = {"I01": ["经济总量"]}
# A quote may run over a page break: the sentence, a blank line, the rest of the sentence.
WINDOW = 3


@cache
def seed(name: str) -> list[dict[str, str]]:
    """Rows of one seed CSV, as text."""
    with (PLAN_SEEDS / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def commitments() -> list[dict[str, str]]:
    return seed("plan_commitments")


@cache
def plan_lines() -> list[str]:
    """The plan text, one entry per line (line n is index n - 1)."""
    return PLAN_TEXT.read_text(encoding="utf-8").split("\n")


def squeeze(text: str) -> str:
    """Drop line breaks and the spaces the PDF extraction inserted."""
    return re.sub(r"\s+", "", text)


def plain(number: str) -> str:
    """A stored decimal as the plan prints it (150.0000 -> 150, 5.4000 -> 5.4)."""
    return format(Decimal(number).normalize(), "f")


def number_at(quote: str, printed: str) -> re.Match[str] | None:
    """The printed number standing alone in the quote (5 in 5万亩, not in 2025 or 25)."""
    return re.search(rf"(?<![0-9.]){re.escape(printed)}(?![0-9.])", quote)


def value_in_quote(row: dict[str, str]) -> re.Match[str] | None:
    """Where the quote prints the target value, preferring the occurrence with the unit."""
    printed = plain(row["target_value"])
    for form in [printed, *NUMERALS.get(printed, [])]:
        with_unit = re.search(
            rf"(?<![0-9.]){re.escape(form)}(?={re.escape(row['unit'])})", row["quote"]
        )
        found = with_unit or number_at(row["quote"], form)
        if found:
            return found
    return None


def implied_comparison(row: dict[str, str]) -> str:
    """The comparison the wording around the target number implies."""
    found = value_in_quote(row)
    assert found is not None, row["commitment_code"]
    quote = row["quote"]
    before = re.split(r"[，、；。：（）]", quote[: found.start()])[-1]
    after = re.split(r"[，、；。：（）]", quote[found.end() :])[0]
    if re.match(r"[-－~～至到]\d", after) or "以上" in after:
        return "at_least"
    if re.search(r"(突破|超过|不低于|至少)$", before):
        return "at_least"
    if re.search(r"(以下|以内)", after) or re.search(r"(控制在|不高于|不超过)$", before):
        return "at_most"
    if after.startswith("分钟") and "圈" in after:
        return "at_most"
    if after.startswith("倍") or (any(d in quote for d in DOUBLING) and before == ""):
        return "multiple"
    if re.search(r"(增加|提高|增长)$", before):
        return "increase_by"
    if re.search(r"(下降|降低|减少)$", before):
        return "decrease_by"
    return "reach"


def enclosing_section(source_line: int) -> str:
    """The last preface, chapter or section heading printed before the line."""
    starts = sorted((int(r["source_line"]), r["section_id"]) for r in seed("plan_sections"))
    return [sid for start, sid in starts if start <= source_line][-1]


def test_columns_are_in_the_decided_order():
    with (PLAN_SEEDS / "plan_commitments.csv").open(encoding="utf-8", newline="") as f:
        assert next(csv.reader(f)) == COLUMNS


def test_every_row_belongs_to_the_meihekou_plan():
    assert {r["plan_id"] for r in commitments()} == {PLAN_ID}


def test_codes_are_consecutive_in_order_of_appearance():
    rows = commitments()
    assert [r["commitment_code"] for r in rows] == [f"CM{n:03d}" for n in range(1, len(rows) + 1)]
    lines = [int(r["source_line"]) for r in rows]
    assert lines == sorted(lines)


def test_codes_on_one_line_follow_the_position_of_their_quote():
    problems = []
    previous = (0, -1)
    for r in commitments():
        here = (int(r["source_line"]), plan_lines()[int(r["source_line"]) - 1].find(r["quote"]))
        if here[0] == previous[0] and here[1] < previous[1]:
            problems.append(r["commitment_code"])
        previous = here
    assert problems == []


def test_quotes_are_verbatim_and_start_at_their_line():
    problems = []
    for r in commitments():
        start = int(r["source_line"]) - 1
        first = squeeze(plan_lines()[start])
        window = squeeze("\n".join(plan_lines()[start : start + WINDOW]))
        at = window.find(squeeze(r["quote"]))
        if r["quote"] != r["quote"].strip() or at < 0 or at >= len(first):
            problems.append(f"{r['commitment_code']}: not at line {r['source_line']}")
        elif r["quote"] not in plan_lines()[start] and "page break" not in r["note"]:
            problems.append(f"{r['commitment_code']}: runs over a line without a note")
    assert problems == []


def test_target_value_is_printed_in_the_quote():
    problems = []
    for r in commitments():
        if r["comparison"] == "multiple":
            stated = any(d in r["quote"] for d in DOUBLING) and plain(r["target_value"]) == "2"
            stated = stated or value_in_quote(r) is not None
        else:
            stated = value_in_quote(r) is not None
        if not stated:
            problems.append(f"{r['commitment_code']}: {r['target_value']} not in {r['quote']}")
    assert problems == []


def test_comparison_follows_the_wording():
    problems = [
        f"{r['commitment_code']}: {r['comparison']} but the wording says {implied_comparison(r)}"
        for r in commitments()
        if r["comparison"] not in COMPARISONS or r["comparison"] != implied_comparison(r)
    ]
    assert problems == []


def test_doubling_is_stored_as_the_stated_level_or_as_a_multiple_of_two():
    problems = []
    for r in commitments():
        if not any(d in r["quote"] for d in DOUBLING):
            continue
        if r["comparison"] == "multiple":
            ok = plain(r["target_value"]) == "2" and r["unit"] == "倍"
        else:
            ok = value_in_quote(r) is not None and "翻" in r["note"]
        if not ok:
            problems.append(r["commitment_code"])
    assert problems == []


def test_each_commitment_sits_in_the_section_printed_before_it():
    problems = [
        f"{r['commitment_code']}: {r['section_id']} != {enclosing_section(int(r['source_line']))}"
        for r in commitments()
        if r["section_id"] != enclosing_section(int(r["source_line"]))
    ]
    assert problems == []


def test_referenced_keys_exist():
    sections = {r["section_id"] for r in seed("plan_sections")}
    departments = {r["department_code"] for r in seed("departments")}
    problems = [
        r["commitment_code"]
        for r in commitments()
        if r["section_id"] not in sections or r["department_code"] not in departments
    ]
    assert problems == []


def test_years_are_the_plan_period_or_the_long_range_goals():
    problems = [
        r["commitment_code"]
        for r in commitments()
        if not (2021 <= int(r["target_year"]) <= 2025 or int(r["target_year"]) in {2030, 2035})
        or (r["baseline_year"] and int(r["baseline_year"]) >= int(r["target_year"]))
    ]
    assert problems == []


def test_a_year_not_in_the_quote_is_explained():
    words = {"2025": ["2025", "十四五"], "2030": ["2030", "二〇三〇"], "2035": ["2035", "二〇三五"]}
    problems = [
        r["commitment_code"]
        for r in commitments()
        if not any(w in r["quote"] for w in words.get(r["target_year"], [r["target_year"]]))
        and not r["note"]
    ]
    assert problems == []


def test_a_baseline_is_stored_only_where_the_quote_states_it():
    problems = [
        r["commitment_code"]
        for r in commitments()
        if r["baseline_value"]
        and (number_at(r["quote"], plain(r["baseline_value"])) is None or not r["baseline_year"])
    ]
    assert problems == []


def test_assumed_departments_are_flagged():
    problems = [
        r["commitment_code"]
        for r in commitments()
        if r["is_department_assumed"] not in {"true", "false"}
        or (r["is_department_assumed"] == "false" and not r["note"])
    ]
    assert problems == []


def test_no_commitment_restates_a_headline_indicator():
    names = {
        r["indicator_code"]: [
            squeeze(r["name_zh"]),
            *INDICATOR_ALIASES.get(r["indicator_code"], []),
        ]
        for r in seed("indicators")
    }
    table = {squeeze(plan_lines()[int(r["source_line"]) - 1]) for r in seed("indicators")}
    problems = [
        f"{r['commitment_code']} restates {code}"
        for r in commitments()
        for code, aliases in names.items()
        if r["target_year"] == "2025" and any(a in squeeze(r["quote"]) for a in aliases)
    ]
    problems += [
        f"{r['commitment_code']} is a table row"
        for r in commitments()
        if any(squeeze(r["quote"]) in row for row in table)
    ]
    assert problems == []


def test_no_commitment_restates_a_sector_target():
    problems = [
        f"{r['commitment_code']} restates {t['sector_code']}.{t['metric']}"
        for r in commitments()
        for t in seed("sector_targets")
        if r["source_line"] == t["source_line"]
        and (
            squeeze(t["quote"]) in squeeze(r["quote"])
            or squeeze(r["quote"]) in squeeze(t["quote"])
            or (plain(r["target_value"]), r["unit"]) == (plain(t["target_value"]), t["unit"])
        )
    ]
    assert problems == []


def test_commitments_cited_in_notes_exist():
    codes = {r["commitment_code"] for r in commitments()}
    cited = {c for r in commitments() for c in re.findall(r"CM\d{3}", r["note"])}
    assert cited - codes == set()
