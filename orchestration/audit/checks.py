"""Blocking Dagster asset checks, one per mart suite, generated from the suite files.

All mart checks run in one op: DuckDB lets one process write build.duckdb at a time and
blocks readers while it does, so parallel check processes would trip over each other's
locks; one op also builds the Data Docs once. Each check is still its own spec, named
gx_<suite>, attached to its mart and blocking everything downstream of it (the publish).
"""

from collections.abc import Collection, Iterator, Sequence
from typing import Any

import dagster as dg

from orchestration.audit.audit import SuiteOutcome, audit_marts
from orchestration.audit.suites import MartSuite, mart_suites
from orchestration.refresh.progress import progress
from orchestration.refresh.resources import REFRESH_LOCK
from orchestration.settings import paths
from orchestration.transform.assets import MART_KEYS

MAX_FAILURES_SHOWN = 10
ERROR, WARN = dg.AssetCheckSeverity.ERROR, dg.AssetCheckSeverity.WARN


def _metadata(outcome: SuiteOutcome) -> dict[str, Any]:
    failures = [
        {key: row[key] for key in ("expectation_type", "column_name", "severity", "observed_value")}
        for row in outcome.failures[:MAX_FAILURES_SHOWN]
    ]
    metadata: dict[str, Any] = {
        "suite": outcome.suite.name,
        "expectations": len(outcome.rows),
        "failed": len(outcome.failures),
        "failures": dg.MetadataValue.json(failures),
    }
    if outcome.error:
        metadata["error"] = outcome.error
    if outcome.docs_page:
        metadata["data_docs"] = dg.MetadataValue.path(outcome.docs_page)
    return metadata


def build_audit_checks(
    suites: Sequence[MartSuite], mart_keys: Collection[dg.AssetKey]
) -> dg.AssetChecksDefinition:
    """One blocking check per suite on the mart it names; every suite must name a mart."""
    by_model = {key.path[-1]: key for key in mart_keys}
    unknown = sorted(suite.name for suite in suites if suite.model not in by_model)
    if unknown:
        raise ValueError(f"suites for marts that dbt does not build: {', '.join(unknown)}")
    keys = {suite.name: by_model[suite.model] for suite in suites}
    specs = [
        dg.AssetCheckSpec(
            name=s.check_name, asset=keys[s.name], blocking=True, description=s.description
        )
        for s in suites
    ]

    @dg.multi_asset_check(
        specs=specs,
        can_subset=True,
        name="gx_marts_audit",
        required_resource_keys={REFRESH_LOCK},
    )
    def gx_marts_audit(context: dg.AssetCheckExecutionContext) -> Iterator[dg.AssetCheckResult]:
        """Great Expectations suites over the built marts; a failure blocks the publish."""
        selected = context.selected_asset_check_keys
        chosen = [s for s in suites if dg.AssetCheckKey(keys[s.name], s.check_name) in selected]
        where = paths()
        progress("checks", f"auditing {len(chosen)} marts with Great Expectations")
        run = audit_marts(
            where.build_db, where.gx, chosen, context.run.run_id, where.intake_validations
        )
        context.log.info(f"validation results in audit.validation_result; docs {run.docs_index}")
        failed = [o.suite.check_name for o in run.outcomes if o.blocking]
        verdict = f"{len(failed)} blocking: {', '.join(failed)}" if failed else "all passed"
        progress("checks", f"{len(run.outcomes)} suites checked, {verdict}")
        for outcome in run.outcomes:
            yield dg.AssetCheckResult(
                asset_key=keys[outcome.suite.name],
                check_name=outcome.suite.check_name,
                passed=outcome.passed,
                severity=ERROR if outcome.blocking else WARN,
                metadata=_metadata(outcome),
            )

    return gx_marts_audit


audit_checks = [build_audit_checks(mart_suites(), MART_KEYS)]
