"""The Dagster code location loads and shows what the UI promises."""

import dagster as dg

from orchestration.definitions import defs


def test_definitions_load_and_resolve() -> None:
    repository = defs.get_repository_def()
    assert repository.get_job("refresh_job") is not None


def test_assets_are_grouped_by_concern() -> None:
    graph = defs.resolve_asset_graph()
    groups = {graph.get(key).group_name for key in graph.get_all_asset_keys()}
    assert {"dbt_seeds", "dbt_staging", "dbt_marts", "publish"} <= groups


def test_every_mart_has_a_description() -> None:
    graph = defs.resolve_asset_graph()
    marts = [key for key in graph.get_all_asset_keys() if graph.get(key).group_name == "dbt_marts"]
    assert marts
    assert [key for key in marts if not graph.get(key).description] == []


def test_nightly_schedule_runs_at_two_in_shanghai() -> None:
    schedule = defs.resolve_schedule_def("nightly_refresh")
    assert schedule.cron_schedule == "0 2 * * *"
    assert schedule.execution_timezone == "Asia/Shanghai"
    assert schedule.job_name == "refresh_job"


def test_publish_waits_for_every_mart() -> None:
    graph = defs.resolve_asset_graph()
    marts = {key for key in graph.get_all_asset_keys() if graph.get(key).group_name == "dbt_marts"}
    assert marts <= graph.get(dg.AssetKey("marts_duckdb")).parent_keys
