"""The Data Docs site, offline: GX's pages with planwatch's templates, and intake's results.

GX's templates load Bootstrap, jQuery, Font Awesome and images from CDNs, and build the
index tables with a CDN script, so on an intranet without internet the pages come up
blank. The views here put planwatch's templates (settings.DATA_DOCS_TEMPLATES) ahead of
GX's: every style and script is inline, tables are plain HTML, icons are text symbols.
The site also shows the intake suites and the per-file validations intake wrote to
gx/intake_validations, next to the mart audits.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import great_expectations as gx
from great_expectations.core.expectation_validation_result import (
    ExpectationSuiteValidationResultSchema,
)
from great_expectations.core.run_identifier import RunIdentifier
from great_expectations.data_context import AbstractDataContext
from great_expectations.data_context.types.resource_identifiers import (
    ExpectationSuiteIdentifier,
    ValidationResultIdentifier,
)
from great_expectations.render.view import DefaultJinjaIndexPageView, DefaultJinjaPageView
from jinja2 import ChoiceLoader, FileSystemLoader

from orchestration.settings import DATA_DOCS_TEMPLATES, EXPECTATIONS_DIR

PAGE_VIEW = {"module_name": __name__, "class_name": "OfflinePageView"}
INDEX_VIEW = {"module_name": __name__, "class_name": "OfflineIndexPageView"}
INTAKE_SUITES = sorted(
    path
    for path in (EXPECTATIONS_DIR / "suites").glob("*.json")
    if not path.name.startswith("marts.")
)


def _templates_first(env_loader: Any) -> ChoiceLoader:
    return ChoiceLoader([FileSystemLoader(str(DATA_DOCS_TEMPLATES)), env_loader])


class OfflinePageView(DefaultJinjaPageView):
    """Suite and validation pages rendered with planwatch's templates first."""

    def __init__(self, custom_styles_directory=None, custom_views_directory=None) -> None:
        super().__init__(custom_styles_directory, custom_views_directory)
        self.env.loader = _templates_first(self.env.loader)


class OfflineIndexPageView(DefaultJinjaIndexPageView):
    """The index page rendered with planwatch's templates first."""

    def __init__(self, custom_styles_directory=None, custom_views_directory=None) -> None:
        super().__init__(custom_styles_directory, custom_views_directory)
        self.env.loader = _templates_first(self.env.loader)


def site_config(store_backend: dict[str, str]) -> dict[str, Any]:
    """A SiteBuilder whose every page is rendered by the offline views."""
    section = {"view": PAGE_VIEW}
    return {
        "class_name": "SiteBuilder",
        "show_how_to_buttons": False,
        "store_backend": store_backend,
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder", "view": INDEX_VIEW},
        "site_section_builders": {"expectations": section, "validations": section},
    }


def _validated_at(result: dict[str, Any], path: Path) -> datetime:
    loaded = result.get("meta", {}).get("batch_markers", {}).get("ge_load_time")
    try:
        return datetime.strptime(loaded, "%Y%m%dT%H%M%S.%fZ").replace(tzinfo=UTC)
    except (TypeError, ValueError):
        return datetime.fromtimestamp(path.stat().st_mtime, UTC)


def add_intake_validations(
    context: AbstractDataContext, results_dir: Path
) -> list[ExpectationSuiteIdentifier | ValidationResultIdentifier]:
    """Put the intake suites and intake's per-file results not yet in the site into the context.

    Each result is named by its submission id (run and batch), never by the file name a
    department chose, so nothing submitted reaches the page's markup unescaped.
    """
    identifiers: list[ExpectationSuiteIdentifier | ValidationResultIdentifier] = []
    for path in INTAKE_SUITES:
        suite = gx.ExpectationSuite(**json.loads(path.read_text(encoding="utf-8")))
        context.suites.add(suite)
        identifiers.append(ExpectationSuiteIdentifier(name=suite.name))
    store = context.validation_results_store
    known = {key.run_id.run_name for key in store.list_keys()}
    schema = ExpectationSuiteValidationResultSchema()
    for path in sorted(results_dir.glob("*.json")) if results_dir.exists() else []:
        submission = path.stem
        if submission in known:
            continue
        raw = json.loads(path.read_text(encoding="utf-8"))
        identifier = ValidationResultIdentifier(
            expectation_suite_identifier=ExpectationSuiteIdentifier(name=raw["suite_name"]),
            run_id=RunIdentifier(run_name=submission, run_time=_validated_at(raw, path)),
            batch_identifier=submission,
        )
        store.set(identifier, schema.load(raw))
        identifiers.append(identifier)
    return identifiers
