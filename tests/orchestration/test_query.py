"""`planwatch query` is read-only for real: every way out of the marts file is refused.

Each escape is tried through the real command in its own process, against a warehouse
built by a real refresh, and every file of the site is compared before and after.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import duckdb
import pytest
from site_support import planwatch

from orchestration.query import READ_ONLY_CONFIG
from orchestration.settings import REPO_ROOT, Paths
from orchestration.text_table import display_width

pytestmark = pytest.mark.xdist_group("site")


def _files(root: Path) -> dict[str, str]:
    """sha256 of every file under root, by relative path."""
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def _escapes(where: Paths, outside: Path) -> dict[str, str]:
    build, reports = where.build_db, where.reports
    return {
        "copy over the report index": f"copy (select 'pwned') to '{reports / 'index.html'}'",
        "copy to a new file": f"copy (select 1) to '{outside / 'new.csv'}'",
        "copy into the spill folder": f"copy (select 1) to '{where.marts_db}.tmp/x.csv'",
        "export the database": f"export database '{outside / 'dump'}'",
        "read /etc/passwd": "select * from read_csv('/etc/passwd', sep = ':')",
        "read a parquet file": f"select * from read_parquet('{outside / 'x.parquet'}')",
        "read a json file": f"select * from read_json('{outside / 'x.json'}')",
        "scan a csv by name": f"select * from '{outside / 'x.csv'}'",
        "list the warehouse": f"select * from glob('{where.warehouse}/*')",
        "attach the build database and update it": (
            f"attach '{build}' as build (read_write); "
            "update build.marts.dim_indicator set indicator_name_zh = 'pwned'"
        ),
        "install an extension": "install httpfs",
        "load an extension": "load httpfs",
        "turn external access back on": (
            f"set enable_external_access = true; copy (select 1) to '{outside / 'again.csv'}'"
        ),
        "move the spill folder": f"set temp_directory = '{outside}'",
        "unlock the configuration": "set lock_configuration = false",
        "write a table": "create table pwned as select 1 as x",
    }


@pytest.fixture
def outside(published: Paths) -> Path:
    """Files an analyst's SQL might try to read, outside the warehouse."""
    folder = published.warehouse.parent / "outside"
    folder.mkdir()
    with duckdb.connect() as con:
        con.execute(f"copy (select 42 as answer) to '{folder / 'x.parquet'}'")
    (folder / "x.json").write_text('{"answer": 42}\n', encoding="utf-8")
    (folder / "x.csv").write_text("answer\n42\n", encoding="utf-8")
    (Path(f"{published.marts_db}.tmp")).mkdir()
    return folder


def test_every_escape_from_the_marts_is_refused_and_no_file_changes(
    published: Paths, outside: Path
) -> None:
    site = published.warehouse.parent
    before = _files(site)

    outcomes = {
        name: planwatch(site, "query", sql) for name, sql in _escapes(published, outside).items()
    }

    allowed = {name: r.stdout for name, r in outcomes.items() if r.returncode != 1}
    assert allowed == {}
    for name, result in outcomes.items():
        assert "query failed" in result.stderr, (name, result.stderr)
        assert "Traceback" not in result.stderr, (name, result.stderr)
        assert "root:" not in result.stdout
    assert "only reads the published marts" in outcomes["read /etc/passwd"].stderr
    assert _files(site) == before


def test_a_plain_question_still_gets_its_answer(published: Paths) -> None:
    result = planwatch(
        published.warehouse.parent, "query", "--csv", "select count(*) as n from dim_indicator"
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["n", "22"]


def test_the_readme_shows_analysts_the_same_settings(published: Paths) -> None:
    """The README's Python snippet, run as written, is read-only in the same way."""
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    [snippet] = [
        block
        for block in re.findall(r"^```python\n(.*?)^```", readme, re.S | re.M)
        if "marts.duckdb" in block
    ]
    snippet = snippet.replace("warehouse/marts.duckdb", str(published.marts_db))
    scope: dict = {}

    exec(snippet, scope)

    con = scope["con"]
    assert dict(scope["READ_ONLY"]) == READ_ONLY_CONFIG
    assert con.execute("select count(*) from dim_indicator").fetchone()[0] == 22
    with pytest.raises(duckdb.PermissionException):
        con.execute("select * from read_csv('/etc/passwd')")
    with pytest.raises(duckdb.InvalidInputException, match="locked"):
        con.execute("set enable_external_access = true")
    con.close()


def test_an_empty_query_says_what_to_give_and_no_traceback(published: Paths) -> None:
    for sql in ("", "   ", "-- just a comment\n"):
        result = planwatch(published.warehouse.parent, "query", sql)

        assert result.returncode == 2
        assert "Nothing to run" in result.stderr
        assert "Traceback" not in result.stderr


def test_several_statements_each_show_their_result(published: Paths) -> None:
    sql = (
        "select count(*) as indicators from dim_indicator; "
        "select region_code from dim_region order by region_code limit 1; "
        "select nonsense from dim_region"
    )

    result = planwatch(published.warehouse.parent, "query", sql)

    out = result.stdout.splitlines()
    assert "-- 1/3: select count(*) as indicators from dim_indicator;" in out
    assert (
        out[out.index("-- 1/3: select count(*) as indicators from dim_indicator;") + 3]
        == "        22"
    )
    assert any(line.startswith("-- 2/3: select region_code") for line in out)
    assert "(1 row)" in out
    assert result.returncode == 1
    assert "query failed (statement 3 of 3)" in result.stderr


def test_a_long_result_says_how_many_rows_there_were(published: Paths) -> None:
    result = planwatch(published.warehouse.parent, "query", "select range from range(1234)")

    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 2 + 200 + 1
    assert lines[-1].startswith("(1234 rows; the first 200 shown")


def test_chinese_columns_line_up_by_display_width(published: Paths) -> None:
    sql = "select indicator_code, name_zh, unit from dim_indicator order by indicator_seq"

    result = planwatch(published.warehouse.parent, "query", sql)

    rows = result.stdout.splitlines()[2:-1]
    assert len(rows) == 22
    starts = {display_width(row[: row.rindex(unit)]) for row, unit in _with_units(rows)}
    assert len(starts) == 1, rows


def _with_units(rows: list[str]) -> list[tuple[str, str]]:
    """Each row with its unit, the last column (the text after the last run of spaces)."""
    return [(row, row.split()[-1]) for row in rows if not row.endswith("NULL")]
