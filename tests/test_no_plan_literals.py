"""No plan year (2020–2030) or plan region (220581) is written into code: plans are data.

Python under orchestration/, samples/ and benchmarks/ and the SQL of dbt_project/models and
macros are searched outside comments and docstrings; seeds, tests and docs may name them.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

from orchestration.settings import REPO_ROOT

# In Python strings and numbers any plan year counts (指标数据_2023.xlsx); in SQL a year that
# ends an identifier (output_target_2025, a mart column reports still read) is left alone.
PY_LITERAL = re.compile(r"(?<![\d.])(?:20[23]\d|220581)(?!\d)")
SQL_LITERAL = re.compile(r"(?<![\w.])(?:20[23]\d|220581)(?!\d)")
PLAN_YEARS = {str(year) for year in range(2020, 2031)} | {"220581"}
PYTHON = ("orchestration", "samples", "benchmarks")
SQL = ("dbt_project/models", "dbt_project/macros")
# Lines whose year is not a plan's, with why.
NOT_PLAN_YEARS = {
    # the document time stamped into every generated workbook, so that its bytes never change
    "FIXED_TIME = dt.datetime(2021, 1, 1)",
}
SQL_COMMENTS = re.compile(r"\{#.*?#\}|/\*.*?\*/|--[^\n]*", re.S)


def plan_literals(text: str, pattern: re.Pattern[str] = PY_LITERAL) -> list[str]:
    return [m for m in pattern.findall(text) if m in PLAN_YEARS]


def docstring_lines(source: str) -> set[int]:
    """Lines of the module's, classes' and functions' docstrings."""
    lines: set[int] = set()
    for node in ast.walk(ast.parse(source)):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            value = body[0].value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                lines.update(range(value.lineno, (value.end_lineno or value.lineno) + 1))
    return lines


def python_findings(path: Path, root: Path = REPO_ROOT) -> list[str]:
    """file:line of every number or string token holding a plan literal."""
    source = path.read_text(encoding="utf-8")
    skipped = docstring_lines(source)
    found = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        where = f"{path.relative_to(root).as_posix()}:{token.start[0]}"
        if token.type not in (tokenize.NUMBER, tokenize.STRING) or token.start[0] in skipped:
            continue
        if plan_literals(token.string) and token.line.strip() not in NOT_PLAN_YEARS:
            found.append(f"{where}: {token.string}")
    return found


def sql_findings(path: Path, root: Path = REPO_ROOT) -> list[str]:
    """file:line of every plan literal in SQL outside -- , /* */ and {# #} comments."""
    text = path.read_text(encoding="utf-8")
    kept = SQL_COMMENTS.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    return [
        f"{path.relative_to(root)}:{number}: {line.strip()}"
        for number, line in enumerate(kept.splitlines(), start=1)
        if plan_literals(line, SQL_LITERAL)
    ]


def test_the_search_finds_a_literal_and_skips_comments_and_docstrings(tmp_path: Path) -> None:
    sample = tmp_path / "x.py"
    sample.write_text('"""Plan 2021–2025."""\n# 220581\nYEAR = 2025\nNAME = "2023-05"\n', "utf-8")
    found = python_findings(sample, tmp_path)
    assert found == ["x.py:3: 2025", 'x.py:4: "2023-05"']
    sql = tmp_path / "x.sql"
    sql.write_text("{# 2021 #}\n-- 2022\nselect 2025 as y, 20250 as z\n", "utf-8")
    assert sql_findings(sql, tmp_path) == ["x.sql:3: select 2025 as y, 20250 as z"]


def test_no_plan_year_or_region_is_written_into_code() -> None:
    found = []
    for folder in PYTHON:
        for path in sorted((REPO_ROOT / folder).rglob("*.py")):
            found += python_findings(path)
    for folder in SQL:
        for path in sorted((REPO_ROOT / folder).rglob("*.sql")):
            found += sql_findings(path)
    assert not found, "plan years or regions written into code:\n" + "\n".join(found)
