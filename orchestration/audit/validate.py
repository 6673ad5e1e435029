"""Great Expectations over pandas: one mart is one batch of an ephemeral context.

GX's SQL datasource does not work over DuckDB, so the batch is a DataFrame read from
build.duckdb. The context is ephemeral (suites come from the repository), but its
validation results (gx/validations, where intake's per-file results from
gx/intake_validations are filed too) and the Data Docs site (gx/data_docs, offline: see
docs_site) are files under the warehouse, so the docs keep history.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import great_expectations as gx
import pandas as pd
from great_expectations.core.expectation_suite import ExpectationSuite
from great_expectations.core.expectation_validation_result import (
    ExpectationSuiteValidationResult,
)
from great_expectations.core.run_identifier import RunIdentifier
from great_expectations.data_context import AbstractDataContext
from great_expectations.data_context.types.base import (
    DataContextConfig,
    InMemoryStoreBackendDefaults,
)
from great_expectations.data_context.types.resource_identifiers import (
    ExpectationSuiteIdentifier,
    ValidationResultIdentifier,
)

from orchestration.audit.docs_site import add_intake_validations, site_config
from orchestration.audit.suites import MartSuite
from orchestration.settings import MARTS_SCHEMA

RESULT_FORMAT = {"result_format": "SUMMARY", "partial_unexpected_count": 20}
DOCS_SITE = "local_site"
RESULTS_DIR = "validations"
DOCS_DIR = "data_docs"


def _filesystem(directory: Path) -> dict[str, str]:
    return {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(directory)}


def gx_context(root: Path) -> AbstractDataContext:
    """An ephemeral context whose results and Data Docs site live under `root`."""
    defaults = InMemoryStoreBackendDefaults()
    stores = dict(defaults.stores)
    results_store = defaults.validation_results_store_name
    stores[results_store] = {
        "class_name": "ValidationResultsStore",
        "store_backend": _filesystem(root / RESULTS_DIR),
    }
    site = site_config(_filesystem(root / DOCS_DIR))
    config = DataContextConfig(
        store_backend_defaults=defaults,
        stores=stores,
        data_docs_sites={DOCS_SITE: site},
        analytics_enabled=False,
        progress_bars={"globally": False},
    )
    context = gx.get_context(mode="ephemeral", project_config=config)
    context.data_sources.add_pandas(MARTS_SCHEMA)
    return context


def gx_expectation_suite(suite: MartSuite) -> ExpectationSuite:
    """The GX suite; raises where GX would log and drop an expectation it cannot build."""
    built = ExpectationSuite(**suite.definition)
    wanted = [e["type"] for e in suite.definition.get("expectations", [])]
    if len(built.expectations) != len(wanted):
        kept = {e.expectation_type for e in built.expectations}
        dropped = sorted({name for name in wanted if name not in kept}) or wanted
        raise ValueError(f"{suite.name}: GX could not build {', '.join(dropped)}")
    return built


def validate_frame(
    context: AbstractDataContext,
    suite: MartSuite,
    frame: pd.DataFrame,
    parameters: dict[str, Any],
    run_name: str,
    run_time: datetime,
) -> tuple[ExpectationSuiteValidationResult, ValidationResultIdentifier]:
    """Validate one mart's frame with its suite and store the result for the docs."""
    gx_suite = context.suites.add(gx_expectation_suite(suite))
    asset = context.data_sources.get(MARTS_SCHEMA).add_dataframe_asset(suite.model)
    batch = asset.add_batch_definition_whole_dataframe(suite.model)
    definition = context.validation_definitions.add(
        gx.ValidationDefinition(name=suite.name, data=batch, suite=gx_suite)
    )
    run_id = RunIdentifier(run_name=run_name, run_time=run_time)
    result = definition.run(
        batch_parameters={"dataframe": frame},
        expectation_parameters=parameters,
        result_format=RESULT_FORMAT,
        run_id=run_id,
    )
    identifier = ValidationResultIdentifier(
        expectation_suite_identifier=ExpectationSuiteIdentifier(name=suite.name),
        run_id=run_id,
        batch_identifier=f"{MARTS_SCHEMA}-{suite.model}",
    )
    return result, identifier


def build_docs(
    context: AbstractDataContext,
    identifiers: list[ValidationResultIdentifier],
    intake_results: Path | None = None,
) -> dict[str, str]:
    """Render this run's validations, intake's new per-file ones and the index.

    Returns {suite: page} for this run's suites, and the index.
    """
    suites = [identifier.expectation_suite_identifier for identifier in identifiers]
    intake = add_intake_validations(context, intake_results) if intake_results else []
    resources = [*suites, *identifiers, *intake]
    context.build_data_docs(site_names=[DOCS_SITE], resource_identifiers=resources)
    pages = {"index": _local(context.get_docs_sites_urls(site_name=DOCS_SITE))}
    for identifier in identifiers:
        urls = context.get_docs_sites_urls(resource_identifier=identifier, site_name=DOCS_SITE)
        pages[identifier.expectation_suite_identifier.name] = _local(urls)
    return pages


def _local(urls: list[dict[str, str | None]]) -> str:
    url = urls[0]["site_url"] if urls else None
    return (url or "").removeprefix("file://")
