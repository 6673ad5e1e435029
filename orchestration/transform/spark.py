"""The Spark engine's two hand-overs with the build database.

Before dbt runs on Spark, the raw layer that intake wrote in build.duckdb is exported as
parquet, one folder per raw table, which dbt declares as Spark tables (macros/spark). After
dbt has built the marts on Spark, their parquet files are read back into build.duckdb's
marts schema with the descriptions dbt gave them, so the audit, the publish and the reports
run on the Spark-built marts exactly as on DuckDB's.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb

from orchestration.intake.datasets.registry import RAW_TABLES
from orchestration.settings import MARTS_SCHEMA
from orchestration.sql import sql_literal

DATA_FILE = "part-0.parquet"


def export_raw_layer(build_db: Path, folder: Path) -> dict[str, int]:
    """Write each raw table as <folder>/<table>/part-0.parquet (swapped in whole); its rows."""
    folder.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    with duckdb.connect(str(build_db), read_only=True) as con:
        for table in RAW_TABLES:
            target = folder / table
            target.mkdir(exist_ok=True)
            temp = target / f".{DATA_FILE}.tmp"
            con.execute(
                f"copy raw.{table} to {sql_literal(str(temp))} (format parquet, compression zstd)"
            )
            os.replace(temp, target / DATA_FILE)
            counts[table] = con.execute(f"select count(*) from raw.{table}").fetchone()[0]
    return counts


def built_marts(manifest: Path) -> dict[str, dict]:
    """The manifest's models materialised as tables in the marts schema, by name."""
    nodes = json.loads(manifest.read_text(encoding="utf-8"))["nodes"].values()
    return {
        node["name"]: node
        for node in nodes
        if node["resource_type"] == "model"
        and node["schema"] == MARTS_SCHEMA
        and node["config"].get("materialized") in ("table", "incremental")
    }


def land_marts(tables: Path, build_db: Path, manifest: Path) -> dict[str, int]:
    """Copy the marts Spark built (parquet under tables/marts.db) into build.duckdb's marts
    schema, replacing what was there, with the model and column descriptions; rows per mart."""
    marts = built_marts(manifest)
    counts: dict[str, int] = {}
    with duckdb.connect(str(build_db)) as con:
        con.execute(f"create schema if not exists {MARTS_SCHEMA}")
        for name, node in sorted(marts.items()):
            files = tables / f"{MARTS_SCHEMA}.db" / name
            if not any(files.glob("*.parquet")):
                raise FileNotFoundError(f"Spark wrote no parquet files for {name} in {files}")
            pattern = sql_literal(str(files / "**" / "*.parquet"))
            con.execute(
                f'create or replace table {MARTS_SCHEMA}."{name}" as '
                f"select * from read_parquet({pattern}, hive_partitioning = true)"
            )
            _describe(con, name, node)
            counts[name] = con.execute(f'select count(*) from {MARTS_SCHEMA}."{name}"').fetchone()[
                0
            ]
    return counts


def _describe(con: duckdb.DuckDBPyConnection, name: str, node: dict) -> None:
    """The descriptions dbt's persist_docs writes on DuckDB, on the landed table."""
    if node.get("description"):
        con.execute(
            f'comment on table {MARTS_SCHEMA}."{name}" is {sql_literal(node["description"])}'
        )
    present = {
        row[0]
        for row in con.execute(
            "select column_name from duckdb_columns() where schema_name = ? and table_name = ?",
            [MARTS_SCHEMA, name],
        ).fetchall()
    }
    for column, spec in node.get("columns", {}).items():
        if spec.get("description") and column in present:
            con.execute(
                f'comment on column {MARTS_SCHEMA}."{name}"."{column}" is '
                f"{sql_literal(spec['description'])}"
            )
