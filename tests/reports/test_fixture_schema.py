"""The test marts use real column names: every fixture column is documented in the marts yml."""

from __future__ import annotations

from pathlib import Path

import duckdb
import yaml

from orchestration.audit.store import COLUMNS as VALIDATION_COLUMNS
from orchestration.settings import DBT_PROJECT_DIR


def documented_columns() -> dict[str, set[str]]:
    """Columns of every mart model as described in dbt_project/models/marts/**/_*.yml."""
    models: dict[str, set[str]] = {}
    for path in (DBT_PROJECT_DIR / "models" / "marts").rglob("_*.yml"):
        for model in yaml.safe_load(path.read_text(encoding="utf-8")).get("models", []):
            models[model["name"]] = {column["name"] for column in model.get("columns", [])}
    models["validation_result"] = set(VALIDATION_COLUMNS)
    return models


def test_every_fixture_table_and_column_exists_in_the_published_marts(marts_db: Path):
    documented = documented_columns()
    with duckdb.connect(str(marts_db), read_only=True) as con:
        tables = con.execute(
            "select table_name, list(column_name) from duckdb_columns() "
            "where schema_name = 'main' and not internal group by table_name"
        ).fetchall()
    for table, columns in tables:
        if table == "refresh_provenance":
            continue
        assert table in documented, f"{table} is not a documented mart"
        assert set(columns) <= documented[table], (table, set(columns) - documented[table])
