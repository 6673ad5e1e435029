"""Every dbt seed, model and test as Dagster assets and checks, grouped by layer."""

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, dbt_assets

from orchestration.refresh.fingerprint import code_fingerprint, note_code, noted_code
from orchestration.refresh.resources import RefreshLock
from orchestration.settings import ENGINES, Paths, engine, export_dbt_environment, paths
from orchestration.transform.progress import DbtProgress
from orchestration.transform.project import dbt_project
from orchestration.transform.spark import export_raw_layer, land_tables

LAYER_GROUPS = {"staging": "dbt_staging", "intermediate": "dbt_intermediate", "marts": "dbt_marts"}


class PlanwatchTranslator(DagsterDbtTranslator):
    """Puts seeds and each model layer in its own asset group."""

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "seed":
            return "dbt_seeds"
        fqn = dbt_resource_props.get("fqn", [])
        layer = fqn[1] if len(fqn) > 2 else ""
        return LAYER_GROUPS.get(layer, "dbt_other")


def built_with(where: Paths) -> Path:
    """The code fingerprint the marts in build.duckdb were last built with (beside it)."""
    return where.warehouse / "build.code-fingerprint"


def build_arguments(where: Paths, code: str) -> list[str]:
    """`dbt build`, with --full-refresh unless build.duckdb's marts were built by this code
    and reference data: an incremental model (fct_project_progress) recomputes only the rows
    of changed submissions, so a change to code or seeds must rebuild it whole."""
    same = noted_code(built_with(where)) == code
    return ["build"] if same and where.build_db.exists() else ["build", "--full-refresh"]


def record_build(where: Paths, code: str) -> None:
    """Note, after a dbt build that finished, which code and reference data it built."""
    note_code(built_with(where), code)


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    dagster_dbt_translator=PlanwatchTranslator(),
)
def planwatch_dbt(
    context: dg.AssetExecutionContext, dbt: DbtCliResource, refresh_lock: RefreshLock
) -> Iterator[Any]:
    """Seeds, staging, intermediate and marts built and tested by `dbt build`."""
    export_dbt_environment()
    # The engine is part of what built the marts: changing it rebuilds them whole.
    where, on = paths(), engine()
    code = f"{code_fingerprint()} {on}"
    arguments = build_arguments(where, code)
    if len(arguments) > 1:
        context.log.info(
            "code, reference data or engine changed since the last build: --full-refresh"
        )
    if on == "spark":
        rows = export_raw_layer(where.build_db, where.spark_raw)
        context.log.info(f"raw layer exported for Spark: {sum(rows.values())} rows")
    invocation = dbt.cli([*arguments, "--target", ENGINES[on]], context=context)
    counter = DbtProgress()
    for event in invocation.stream_raw_events():
        counter.see(event.raw_event)
        yield from event.to_default_asset_events(
            manifest=invocation.manifest,
            dagster_dbt_translator=invocation.dagster_dbt_translator,
            context=context,
            target_path=invocation.target_path,
            project=invocation.project,
        )
    if on == "spark":
        landed = land_tables(
            where.spark_tables, where.build_db, invocation.target_path / "manifest.json"
        )
        context.log.info(f"{len(landed)} tables built on Spark read into the build database")
    record_build(where, code)


MART_KEYS = [
    key for key in planwatch_dbt.keys if planwatch_dbt.group_names_by_key.get(key) == "dbt_marts"
]
