"""The Spark lane (make test-spark): the bundled samples refreshed on DuckDB and on Apache
Spark publish the same marts, and dbt's unit tests pass on Spark.

Each engine gets one real refresh (`planwatch refresh --engine ...` in its own process) of
the bundled synthetic submissions in raw/. The Spark warehouse starts from the DuckDB one's
landing archive alone, the record, so both build from the same arrivals (submission ids and
received_at come from the ledger) and the Spark refresh rebuilds its raw layer from it.
Tables are compared row by row after normalising what the engines are allowed to differ
in: decimal scale (Spark's decimal division keeps 20 places where DuckDB's gives a double)
and row order. The audit's run id and time are the refresh's own, on either engine.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from datetime import UTC
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from orchestration.settings import DBT_PROJECT_DIR, REPO_ROOT, Paths, dbt_environment

PLACES = 6  # decimal places both engines agree on after normalising scale
PER_RUN = {"validation_result": {"run_id", "validated_at"}}  # which audit run, and when


def refresh(where: Paths, engine: str) -> Paths:
    """One real refresh (forced) of the drop folder on `engine`, in its own process."""
    env = {**os.environ, "PLANWATCH_HOME": str(where.warehouse), "PLANWATCH_RAW": str(where.raw)}
    env.pop("DAGSTER_HOME", None)
    env.pop("PLANWATCH_ENGINE", None)
    result = subprocess.run(
        [sys.executable, "-m", "orchestration.cli", "refresh", "--force", "--engine", engine],
        env=env,
        capture_output=True,
        text=True,
        timeout=3600,
    )
    assert result.returncode == 0, f"the {engine} refresh failed:\n{result.stdout[-6000:]}"
    return where


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Paths]:
    """GIVEN the bundled samples refreshed on DuckDB, and on Spark from the same record."""
    root = tmp_path_factory.mktemp("engines")
    raw = root / "raw"
    shutil.copytree(REPO_ROOT / "raw", raw, ignore=shutil.ignore_patterns("templates"))
    on_duckdb = refresh(Paths(raw=raw, warehouse=root / "warehouse-duckdb"), "duckdb")
    on_spark = Paths(raw=raw, warehouse=root / "warehouse-spark")
    shutil.copytree(on_duckdb.landing, on_spark.landing)
    return {"duckdb": on_duckdb, "spark": refresh(on_spark, "spark")}


def _normal(value: object) -> object:
    """A value as both engines should give it: numbers to PLACES places, times in UTC."""
    if isinstance(value, Decimal | float):
        return round(Decimal(str(value)), PLACES) + 0
    if hasattr(value, "astimezone") and getattr(value, "tzinfo", None) is not None:
        return value.astimezone(UTC).isoformat()
    return value


def published(marts_db: Path) -> dict[str, tuple[list[str], Counter]]:
    """Every published table but the provenance: its columns and its normalised rows (a bag,
    so row order does not count)."""
    tables = {}
    with duckdb.connect(str(marts_db), read_only=True) as con:
        names = [
            row[0]
            for row in con.execute(
                "select table_name from duckdb_tables() where table_name != 'refresh_provenance' "
                "order by table_name"
            ).fetchall()
        ]
        for name in names:
            columns = [
                row[0]
                for row in con.execute(
                    "select column_name from duckdb_columns() where table_name = ? "
                    "order by column_index",
                    [name],
                ).fetchall()
                if row[0] not in PER_RUN.get(name, set())
            ]
            listed = ", ".join(f'"{column}"' for column in columns)
            cursor = con.execute(f'select {listed} from "{name}"')
            tables[name] = (
                columns,
                Counter(tuple(_normal(v) for v in row) for row in cursor.fetchall()),
            )
    return tables


def test_every_published_table_is_the_same_on_spark_as_on_duckdb(refreshed):
    """THEN both engines publish the same tables, columns and rows."""
    on_duckdb = published(refreshed["duckdb"].marts_db)
    on_spark = published(refreshed["spark"].marts_db)
    assert sorted(on_spark) == sorted(on_duckdb)
    assert len(on_duckdb) >= 30
    differing = []
    for name, (columns, rows) in on_duckdb.items():
        spark_columns, spark_rows = on_spark[name]
        if spark_columns != columns:
            differing.append(f"{name}: columns {spark_columns} on Spark, {columns} on DuckDB")
        elif spark_rows != rows:
            only_duckdb = list((rows - spark_rows).elements())[:2]
            only_spark = list((spark_rows - rows).elements())[:2]
            differing.append(
                f"{name}: {rows.total()} rows on DuckDB, {spark_rows.total()} on Spark; "
                f"only on DuckDB {only_duckdb}; only on Spark {only_spark}"
            )
    assert not differing, "\n".join(differing)
    assert sum(rows.total() for _, rows in on_duckdb.values()) > 1000


def test_the_dbt_unit_tests_pass_on_spark(refreshed):
    """THEN every dbt unit test of the project passes on Spark."""
    where = refreshed["spark"]
    target = where.warehouse / "unit-tests-target"
    env = {**os.environ, **dbt_environment(where)}
    subprocess.run(
        [
            str(Path(sys.executable).parent / "dbt"),
            "test",
            "--select",
            "test_type:unit",
            "--target",
            "spark",
            "--project-dir",
            str(DBT_PROJECT_DIR),
            "--profiles-dir",
            str(DBT_PROJECT_DIR),
            "--target-path",
            str(target),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    results = json.loads((target / "run_results.json").read_text(encoding="utf-8"))["results"]
    statuses = {
        result["unique_id"]: result["status"]
        for result in results
        if result["unique_id"].startswith("unit_test.")  # not the on-run-start hook
    }
    assert len(statuses) >= 20
    assert {status for status in statuses.values()} == {"pass"}, statuses
