"""The rule catalogue is data with stable codes, and every rule the code raises is in it."""

from __future__ import annotations

import ast
import csv
import json
import string

from orchestration.intake.datasets.registry import DATASETS
from orchestration.intake.rules import CATALOGUE, ERROR, RULES, WARNING, issue
from orchestration.settings import EXPECTATIONS_DIR, REPO_ROOT

INTAKE = REPO_ROOT / "orchestration" / "intake"
RAISERS = {"issue", "reject", "CoerceError"}


def _codes_raised() -> set[str]:
    """Rule codes passed as a literal first argument to issue(), reject() or CoerceError()."""
    found = set()
    for path in INTAKE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            first = node.args[0]
            if name in RAISERS and isinstance(first, ast.Constant):
                found.add(first.value)
    return found


def test_the_catalogue_file_has_one_row_per_code_and_a_known_severity() -> None:
    with (INTAKE / CATALOGUE).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len({r["code"] for r in rows}) == len(RULES)
    assert {r["severity"] for r in rows} == {ERROR, WARNING}
    assert all(r["message_zh"] and r["message_en"] for r in rows)


def test_every_rule_the_code_raises_or_a_suite_reports_is_catalogued() -> None:
    raised = _codes_raised()
    assert len(raised) > 30  # the walk found the calls
    suites = set()
    for spec in DATASETS.values():
        suite = json.loads((EXPECTATIONS_DIR / "suites" / f"{spec.suite}.json").read_text())
        suites |= {e["meta"]["rule"] for e in suite["expectations"]}
    assert (raised | suites) - set(RULES) == set()


def test_every_message_template_is_well_formed() -> None:
    for code, (_, zh, en) in RULES.items():
        for template in (zh, en):
            fields = [f for _, f, _, _ in string.Formatter().parse(template) if f is not None]
            assert all(f.isidentifier() for f in fields), (code, template)


def test_an_issue_fills_its_templates_and_leaves_missing_values_blank() -> None:
    found = issue("year_out_of_range", sheet="指标数据", row=7, value=2031, min_year=2020)
    assert (found.rule, found.severity, found.excel_row) == ("year_out_of_range", ERROR, 7)
    assert found.reason_zh == "年份 2031 不在 2020– 之间"
    assert found.reason_en == "year 2031 is outside 2020–"
