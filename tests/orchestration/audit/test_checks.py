"""In Dagster, a failing mart suite fails its blocking check and the publish does not run."""

import hashlib

import dagster as dg
import duckdb
import pytest

from orchestration.audit.checks import build_audit_checks
from orchestration.audit.suites import MartSuite, mart_suites
from orchestration.publish.assets import marts_duckdb
from orchestration.refresh.resources import REFRESH_LOCK, RefreshLock
from orchestration.settings import Paths
from orchestration.transform.assets import MART_KEYS

pytestmark = pytest.mark.xdist_group("audit")

SUITES = mart_suites()


def _refresh_after_dbt(suites: list[MartSuite] = SUITES) -> dg.ExecuteInProcessResult:
    """The audit and the publish of a refresh, over marts dbt has already built."""
    marts = [dg.AssetSpec(key) for key in MART_KEYS]
    checks = build_audit_checks(suites, MART_KEYS)
    selection = dg.AssetSelection.assets(marts_duckdb) | dg.AssetSelection.all_asset_checks()
    return dg.materialize(
        [*marts, marts_duckdb, checks],
        selection=selection,
        resources={REFRESH_LOCK: RefreshLock()},
        raise_on_error=False,
    )


def _materialized(result: dg.ExecuteInProcessResult) -> set[dg.AssetKey]:
    return {event.asset_key for event in result.get_asset_materialization_events()}


def test_clean_marts_pass_every_check_then_publish(built: Paths) -> None:
    result = _refresh_after_dbt()

    evaluations = result.get_asset_check_evaluations()
    assert result.success
    assert len(evaluations) == len(SUITES)
    assert all(evaluation.passed for evaluation in evaluations)
    assert dg.AssetKey("marts_duckdb") in _materialized(result)
    with duckdb.connect(str(built.marts_db), read_only=True) as con:
        assert con.execute("select count(*) from dim_indicator").fetchone()[0] == 22


def test_missing_indicator_fails_its_check_and_blocks_the_publish(built: Paths) -> None:
    with duckdb.connect(str(built.build_db)) as con:
        con.execute("delete from marts.dim_indicator where indicator_code = 'I05'")
    built.marts_db.write_bytes(b"the previously published version")
    before = hashlib.sha256(built.marts_db.read_bytes()).hexdigest()

    result = _refresh_after_dbt()

    failed = {e.check_name: e for e in result.get_asset_check_evaluations() if not e.passed}
    assert not result.success
    indicator = failed["gx_marts_dim_indicator"]
    assert indicator.asset_key.path[-1] == "dim_indicator"
    assert indicator.severity == dg.AssetCheckSeverity.ERROR
    assert indicator.metadata["failed"].value == 1
    assert dg.AssetKey("marts_duckdb") not in _materialized(result)
    assert hashlib.sha256(built.marts_db.read_bytes()).hexdigest() == before
    with duckdb.connect(str(built.build_db), read_only=True) as con:
        stored = con.execute(
            "select count(*) from audit.validation_result "
            "where run_id = ? and suite = 'marts.dim_indicator' and not success",
            [result.run_id],
        ).fetchone()[0]
    assert stored == 1


def test_warning_expectation_fails_without_blocking_the_publish(built: Paths) -> None:
    heuristic = {
        "type": "expect_table_row_count_to_equal",
        "kwargs": {"value": 23},
        "severity": "warning",
    }
    suite = MartSuite(
        name="marts.dim_indicator",
        model="dim_indicator",
        description="a heuristic that is reported, not enforced",
        batch_sql="select * from marts.dim_indicator",
        definition={"name": "marts.dim_indicator", "expectations": [heuristic]},
    )

    result = _refresh_after_dbt([suite])

    [evaluation] = result.get_asset_check_evaluations()
    assert (evaluation.passed, evaluation.severity) == (False, dg.AssetCheckSeverity.WARN)
    assert dg.AssetKey("marts_duckdb") in _materialized(result)


def test_checks_load_beside_the_dbt_assets_and_gate_the_publish() -> None:
    from orchestration.audit.checks import audit_checks
    from orchestration.transform.assets import planwatch_dbt
    from orchestration.transform.project import dbt_resource

    defs = dg.Definitions(
        assets=[planwatch_dbt, marts_duckdb],
        asset_checks=audit_checks,
        resources={"dbt": dbt_resource(), REFRESH_LOCK: RefreshLock()},
        jobs=[dg.define_asset_job("refresh", selection=dg.AssetSelection.all())],
    )

    graph = defs.resolve_asset_graph()
    gx_keys = {key for key in graph.asset_check_keys if key.name.startswith("gx_")}
    assert len(gx_keys) == len(SUITES)
    assert {key.asset_key for key in gx_keys} <= graph.get(dg.AssetKey("marts_duckdb")).parent_keys
    steps = {node.name for node in defs.resolve_job_def("refresh").graph.node_dict.values()}
    assert {"gx_marts_audit", "marts_duckdb"} <= steps
