"""Every dbt seed, model and test as Dagster assets and checks, grouped by layer."""

from collections.abc import Iterator, Mapping
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, dbt_assets

from orchestration.refresh.resources import RefreshLock
from orchestration.settings import export_dbt_environment
from orchestration.transform.progress import DbtProgress
from orchestration.transform.project import dbt_project

LAYER_GROUPS = {"staging": "dbt_staging", "intermediate": "dbt_intermediate", "marts": "dbt_marts"}


class PlanwatchTranslator(DagsterDbtTranslator):
    """Puts seeds and each model layer in its own asset group."""

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "seed":
            return "dbt_seeds"
        fqn = dbt_resource_props.get("fqn", [])
        layer = fqn[1] if len(fqn) > 2 else ""
        return LAYER_GROUPS.get(layer, "dbt_other")


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
    invocation = dbt.cli(["build"], context=context)
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


MART_KEYS = [
    key for key in planwatch_dbt.keys if planwatch_dbt.group_names_by_key.get(key) == "dbt_marts"
]
