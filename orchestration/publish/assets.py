"""The publish asset: the last step of a refresh, after every blocking check."""

import dagster as dg

from orchestration.audit.store import AUDIT_SCHEMA, results_summary
from orchestration.publish.provenance import code_version, submissions_included
from orchestration.publish.publish import list_tables, publish_marts
from orchestration.refresh.fingerprint import input_fingerprint
from orchestration.refresh.progress import progress
from orchestration.refresh.resources import REFRESH_LOCK
from orchestration.settings import MARTS_SCHEMA, paths
from orchestration.transform.assets import MART_KEYS


@dg.asset(
    group_name="publish", deps=MART_KEYS, key="marts_duckdb", required_resource_keys={REFRESH_LOCK}
)
def marts_duckdb(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    """The published marts file (warehouse/marts.duckdb), replaced atomically after audit."""
    where = paths()
    tables = {
        MARTS_SCHEMA: list_tables(where.build_db, MARTS_SCHEMA),
        AUDIT_SCHEMA: list_tables(where.build_db, AUDIT_SCHEMA),
    }
    provenance = {
        "run_id": context.run.run_id,
        "git_commit": code_version(),
        "submissions": submissions_included(where.build_db),
        "input_fingerprint": input_fingerprint(where.build_db),
        "checks": results_summary(where.build_db, context.run.run_id),
    }
    result = publish_marts(where.build_db, where.marts_db, tables, provenance)
    context.log.info(f"published {len(result.tables)} tables to {result.path}")
    progress("publish", f"{len(result.tables)} tables published to {result.path}")
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(result.path)),
            "tables": dg.MetadataValue.json(result.tables),
        }
    )
