"""The dbt docs site (descriptions and lineage) for analysts, built after each publish."""

import os
import shutil

import dagster as dg

from orchestration.refresh.progress import progress
from orchestration.refresh.resources import REFRESH_LOCK
from orchestration.settings import export_dbt_environment, paths
from orchestration.transform.project import dbt_resource


def build_dbt_docs() -> dg.MaterializeResult:
    """Generate the static dbt docs site under warehouse/dbt_docs/ from the build database."""
    where = paths()
    export_dbt_environment()
    target = where.dbt_target / "docs"
    dbt_resource().cli(["docs", "generate", "--static"], target_path=target).wait()
    where.dbt_docs.mkdir(parents=True, exist_ok=True)
    site = where.dbt_docs / "index.html"
    partial = site.with_name(".index.html.tmp")
    shutil.copyfile(target / "static_index.html", partial)
    os.replace(partial, site)
    progress("docs", f"dbt docs written to {site}")
    return dg.MaterializeResult(metadata={"site": dg.MetadataValue.path(str(site))})


@dg.asset(
    group_name="reports", deps=[dg.AssetKey("marts_duckdb")], required_resource_keys={REFRESH_LOCK}
)
def dbt_docs_site() -> dg.MaterializeResult:
    """The dbt docs site (warehouse/dbt_docs/index.html, one self-contained file) with lineage."""
    return build_dbt_docs()
