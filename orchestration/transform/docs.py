"""The dbt docs site (descriptions and lineage) for analysts, built after each publish."""

import os
import shutil

import dagster as dg

from orchestration.refresh.fingerprint import code_fingerprint, note_code, noted_code
from orchestration.refresh.progress import progress
from orchestration.refresh.resources import REFRESH_LOCK
from orchestration.settings import Paths, export_dbt_environment, paths
from orchestration.transform.project import dbt_resource

BUILT_WITH = ".built-with"  # beside the site: the code fingerprint it was generated from


def docs_current(where: Paths, code: str) -> bool:
    """Whether the docs site was generated from this code and reference data: the site
    holds descriptions, lineage and column types, which only the project changes."""
    site = where.dbt_docs / "index.html"
    return site.is_file() and noted_code(where.dbt_docs / BUILT_WITH) == code


def build_dbt_docs() -> dg.MaterializeResult:
    """Generate the static dbt docs site under warehouse/dbt_docs/ from the build database,
    unless the project is the one the site was generated from (then it is only marked
    current, so that it is not older than the marts)."""
    where, code = paths(), code_fingerprint()
    site = where.dbt_docs / "index.html"
    if docs_current(where, code):
        os.utime(site)
        progress("docs", f"dbt docs unchanged (the dbt project did not change): {site}")
        return dg.MaterializeResult(metadata={"site": dg.MetadataValue.path(str(site))})
    export_dbt_environment()
    target = where.dbt_target / "docs"
    dbt_resource().cli(["docs", "generate", "--static"], target_path=target).wait()
    where.dbt_docs.mkdir(parents=True, exist_ok=True)
    partial = site.with_name(".index.html.tmp")
    shutil.copyfile(target / "static_index.html", partial)
    os.replace(partial, site)
    note_code(where.dbt_docs / BUILT_WITH, code)
    progress("docs", f"dbt docs written to {site}")
    return dg.MaterializeResult(metadata={"site": dg.MetadataValue.path(str(site))})


@dg.asset(
    group_name="reports", deps=[dg.AssetKey("marts_duckdb")], required_resource_keys={REFRESH_LOCK}
)
def dbt_docs_site() -> dg.MaterializeResult:
    """The dbt docs site (warehouse/dbt_docs/index.html, one self-contained file) with lineage."""
    return build_dbt_docs()
