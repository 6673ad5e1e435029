"""Each dataset is one spec, and what dbt and GX declare about it agrees with that spec."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
import yaml

from orchestration.intake import store
from orchestration.intake.datasets.registry import DATASETS, RAW_TABLES, header_hints
from orchestration.intake.datasets.spec import DatasetSpec
from orchestration.intake.headers import header_key
from orchestration.settings import DBT_PROJECT_DIR, EXPECTATIONS_DIR

STAGING = DBT_PROJECT_DIR / "models" / "staging" / "intake"
SOURCES = STAGING / "_intake__sources.yml"


def _declared() -> dict[str, dict]:
    """The raw source tables as _intake__sources.yml declares them, by name."""
    (source,) = yaml.safe_load(SOURCES.read_text("utf-8"))["sources"]
    assert (source["name"], source["schema"]) == ("raw", "raw")
    return {table["name"]: table for table in source["tables"]}


def _duckdb_type(con: duckdb.DuckDBPyConnection, declared: str) -> str:
    """A declared type as DuckDB spells it (decimal(20,6) -> DECIMAL(20,6))."""
    return con.execute(f"select typeof(cast(null as {declared}))").fetchone()[0]


def _by_table(rows: list[tuple]) -> dict[str, list[tuple]]:
    found: dict[str, list[tuple]] = {}
    for table, column, kind, index in rows:
        found.setdefault(table, []).append((column, kind, index))
    return found


def test_raw_tables_intake_creates_are_the_tables_dbt_declares(tmp_path: Path) -> None:
    """GIVEN the build database intake creates WHEN it is compared with the dbt sources
    THEN every table has the same columns, in the same order, with the same types."""
    con = store.connect(tmp_path / "build.duckdb")
    created = {
        table: [(c, t) for c, t, _ in columns]
        for table, columns in _by_table(
            con.execute(
                """select table_name, column_name, data_type, column_index
                   from duckdb_columns() where schema_name = 'raw'
                   order by table_name, column_index"""
            ).fetchall()
        ).items()
    }
    declared = {
        name: [(c["name"], _duckdb_type(con, c["data_type"])) for c in table["columns"]]
        for name, table in _declared().items()
    }
    assert declared == created
    assert list(created) == sorted(RAW_TABLES)


def test_each_raw_table_has_one_description_for_dagster_and_dbt() -> None:
    declared = _declared()
    assert {name: t.description for name, t in RAW_TABLES.items()} == {
        name: declared[name]["description"] for name in RAW_TABLES
    }


@pytest.mark.parametrize("spec", DATASETS.values(), ids=list(DATASETS))
def test_a_dataset_has_its_suite_and_its_staging_model(spec: DatasetSpec) -> None:
    assert (EXPECTATIONS_DIR / "suites" / f"{spec.suite}.json").is_file()
    staging = STAGING / f"stg_raw__{spec.table.name}.sql"
    assert f"raw_source('{spec.table.name}')" in staging.read_text("utf-8")


@pytest.mark.parametrize("spec", DATASETS.values(), ids=list(DATASETS))
def test_keys_required_fields_and_money_name_fields_of_the_dataset(spec: DatasetSpec) -> None:
    names = [f.name for f in spec.fields]
    assert len(names) == len(set(names))
    assert set(spec.keys) | set(spec.required) <= set(names)
    assert all(spec.field(name).header for name in spec.required), "required but not templated"
    stored = spec.table.types
    for field in spec.fields:
        if field.money:
            assert stored[field.name].startswith("decimal"), field.name
    if spec.measure:
        assert set(spec.measure) <= set(stored)


@pytest.mark.parametrize("spec", DATASETS.values(), ids=list(DATASETS))
def test_an_alias_names_one_field_only(spec: DatasetSpec) -> None:
    spellings = [header_key(a)[0] for f in spec.fields for a in f.aliases]
    assert len(spellings) == len(set(spellings))


def test_the_unrecognised_header_reason_names_each_datasets_required_columns() -> None:
    hints = header_hints()
    for spec in DATASETS.values():
        zh, en = spec.header_hint
        assert zh.startswith(spec.template.sheet) and zh in hints["expected_zh"]
        assert en in hints["expected_en"]
        key_label = "/".join(spec.field(k).label for k in spec.keys)
        labels = [key_label, *(spec.field(f).label for f in spec.required)]
        assert "、".join(labels) in zh, spec.name
