"""The example questions of "Querying the marts" run against marts with the real columns."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from orchestration.settings import REPO_ROOT

QUERIES_DOC = REPO_ROOT / "README.md"


def sql_blocks(path: Path) -> list[str]:
    """The ```sql blocks of a Markdown file, in order."""
    return re.findall(r"^```sql\n(.*?)^```", path.read_text(encoding="utf-8"), re.S | re.M)


def test_the_document_answers_five_questions_in_sql():
    assert len(sql_blocks(QUERIES_DOC)) >= 5


@pytest.mark.parametrize("number", range(len(sql_blocks(QUERIES_DOC))))
def test_each_example_query_runs_and_answers(number: int, marts_db: Path):
    sql = sql_blocks(QUERIES_DOC)[number]
    with duckdb.connect(str(marts_db), read_only=True) as con:
        rows = con.execute(sql).fetchall()
    assert rows, f"example {number + 1} returned nothing:\n{sql}"


def test_every_documented_table_is_published(marts_db: Path):
    text = QUERIES_DOC.read_text(encoding="utf-8")
    tables = text.split("### Tables, grain and keys", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `(\w+)` \|", tables, re.M))
    with duckdb.connect(str(marts_db), read_only=True) as con:
        published = {
            row[0] for row in con.execute("select table_name from duckdb_tables()").fetchall()
        }
    assert len(documented) >= 18
    assert documented - published <= {"dim_plan_section", "rpt_plan_consistency"}
