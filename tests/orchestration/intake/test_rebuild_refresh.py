"""The build database is a cache: deleted or truncated, `planwatch refresh` rebuilds it from
the landing archive and publishes marts with the same content, receive times included.

Real files (the bundled samples), a real dbt build, a real audit and publish, each refresh in
its own process as a person runs it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys

import duckdb
import pytest

from orchestration.intake.run import run_intake
from orchestration.settings import REPO_ROOT, Paths

pytestmark = pytest.mark.xdist_group("refresh")

RUN_METADATA = {"refresh_provenance", "validation_result"}
LATE = ("stats/指标数据_2023.xlsx", "stats/指标数据_2023_再次报送.xlsx")


def refresh(where: Paths) -> str:
    env = {**os.environ, "PLANWATCH_HOME": str(where.warehouse), "PLANWATCH_RAW": str(where.raw)}
    done = subprocess.run(
        [sys.executable, "-m", "orchestration.cli", "refresh"],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return done.stdout


def digests(where: Paths) -> dict[str, str]:
    """A content digest of every published table (rows in a stable order), run metadata aside."""
    with duckdb.connect(str(where.marts_db), read_only=True) as con:
        tables = [r[0] for r in con.execute("select table_name from duckdb_tables()").fetchall()]
        return {
            t: hashlib.sha256(
                repr(con.execute(f'select * from "{t}" order by all').fetchall()).encode()
            ).hexdigest()
            for t in sorted(set(tables) - RUN_METADATA)
        }


def current_gdp_2023(where: Paths) -> tuple[float, str]:
    with duckdb.connect(str(where.marts_db), read_only=True) as con:
        value, submission = con.execute(
            """select value, submission_id from fct_indicator_value
               where indicator_code = 'I01' and year = 2023 and is_current"""
        ).fetchone()
        name = con.execute(
            "select file_name from submission_log where submission_id = ?", [submission]
        ).fetchone()[0]
    return float(value), name


def test_deleted_or_truncated_build_database_republishes_identical_marts(
    warehouse: Paths,
) -> None:
    """GIVEN the samples taken in over two runs, the corrected 2023 figures first and the
    original file later (so arrival order is not path order) WHEN build.duckdb is deleted,
    then cut in half, and a plain refresh runs each time THEN every published table has the
    same content digest as before: same submission ids, receive times, current revisions."""
    shutil.rmtree(warehouse.raw)
    shutil.copytree(REPO_ROOT / "raw", warehouse.raw)
    late = {name: (warehouse.raw / name).read_bytes() for name in LATE}
    for name in LATE:
        (warehouse.raw / name).unlink()
    assert run_intake().files["accepted"] > 40
    for name, data in late.items():
        (warehouse.raw / name).write_bytes(data)
    refresh(warehouse)
    published = digests(warehouse)
    gdp = current_gdp_2023(warehouse)
    assert gdp[1] == "指标数据_2023.xlsx"  # the later arrival is current, not the later path
    assert {"submission_log", "quarantine", "fct_indicator_value", "dim_indicator"} <= set(
        published
    )

    warehouse.build_db.unlink()
    after_delete = refresh(warehouse)

    assert "rebuild skipped" not in after_delete
    assert digests(warehouse) == published
    assert current_gdp_2023(warehouse) == gdp

    data = warehouse.build_db.read_bytes()
    warehouse.build_db.write_bytes(data[: len(data) // 2])
    after_truncation = refresh(warehouse)

    assert "rebuild skipped" not in after_truncation
    assert digests(warehouse) == published
