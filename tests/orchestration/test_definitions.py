"""The Dagster code location loads and shows what the UI promises."""

import json

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


def test_every_dbt_test_is_a_check_on_the_model_it_is_about() -> None:
    """A singular test that reads several models names its model (dbt meta dagster.ref), so
    dagster-dbt reports it as a check instead of warning and logging an observation."""
    from orchestration.transform.project import dbt_project

    manifest = json.loads(dbt_project.manifest_path.read_text(encoding="utf-8"))
    tests = {n["name"] for n in manifest["nodes"].values() if n["resource_type"] == "test"}
    checks = {key.name for key in defs.resolve_asset_graph().asset_check_keys}
    assert tests and tests - checks == set()


def test_runs_execute_in_one_process_so_the_refresh_lock_spans_the_run() -> None:
    assert defs.resolve_job_def("refresh_job").executor_def.name == "in_process"
    assert defs.resolve_job_def("reports_job").executor_def.name == "in_process"


def test_the_dbt_docs_have_an_overview_page_of_their_own() -> None:
    """dbt's generic overview is replaced by the project's own (models/overview.md)."""
    from orchestration.transform.project import dbt_project

    manifest = json.loads(dbt_project.manifest_path.read_text(encoding="utf-8"))
    overview = manifest["docs"]["doc.planwatch.__overview__"]["block_contents"]
    assert "Where to start" in overview and "rpt_plan_scorecard" in overview
    assert "SYNTHETIC" in overview
