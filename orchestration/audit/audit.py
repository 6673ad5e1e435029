"""One audit of the built marts: validate every suite, keep the rows, render the docs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from orchestration.audit.results import CRITICAL, result_rows, suite_not_run_row
from orchestration.audit.store import append_results, bind_parameters, read_batch
from orchestration.audit.suites import MartSuite
from orchestration.audit.validate import build_docs, gx_context, validate_frame

if TYPE_CHECKING:
    from great_expectations.data_context import AbstractDataContext
    from great_expectations.data_context.types.resource_identifiers import (
        ValidationResultIdentifier,
    )


@dataclass(frozen=True)
class SuiteOutcome:
    """What one suite found: its result rows and, if it could not run, why."""

    suite: MartSuite
    rows: list[dict[str, Any]]
    error: str | None = None
    docs_page: str | None = None

    @property
    def passed(self) -> bool:
        return self.error is None and bool(self.rows) and all(r["success"] for r in self.rows)

    @property
    def failures(self) -> list[dict[str, Any]]:
        return [row for row in self.rows if not row["success"]]

    @property
    def blocking(self) -> bool:
        """True when a critical expectation failed or the suite could not run."""
        return self.error is not None or any(r["severity"] == CRITICAL for r in self.failures)


@dataclass(frozen=True)
class AuditRun:
    """Every suite's outcome and where the Data Docs index is."""

    outcomes: list[SuiteOutcome] = field(default_factory=list)
    docs_index: str | None = None


def _run_suite(
    con: duckdb.DuckDBPyConnection,
    context: AbstractDataContext,
    suite: MartSuite,
    run_id: str,
    validated_at: datetime,
) -> tuple[list[dict[str, Any]], str | None, ValidationResultIdentifier | None]:
    """Rows of one suite, the error if it could not run, and its stored result's id."""
    try:
        frame = read_batch(con, suite)
        parameters = bind_parameters(con, suite)
        validation, identifier = validate_frame(
            context, suite, frame, parameters, run_id, validated_at
        )
    except Exception as error:
        return [suite_not_run_row(run_id, validated_at, suite, error)], str(error), None
    return result_rows(run_id, validated_at, suite, validation, frame), None, identifier


def audit_marts(
    build_db: Path,
    gx_root: Path,
    suites: list[MartSuite],
    run_id: str,
    intake_results: Path | None = None,
) -> AuditRun:
    """Validate each suite on its mart, append the rows to audit.validation_result, build docs.

    A suite that cannot run (missing mart, failing parameter SQL) is recorded as failed
    and the others still run, so one broken suite never hides the rest.
    """
    validated_at = datetime.now(UTC)
    context = gx_context(gx_root)
    with duckdb.connect(str(build_db), read_only=True) as con:
        found = [(s, *_run_suite(con, context, s, run_id, validated_at)) for s in suites]
    append_results(build_db, [row for _, rows, _, _ in found for row in rows])
    identifiers = [identifier for *_, identifier in found if identifier]
    pages = build_docs(context, identifiers, intake_results) if identifiers else {}
    outcomes = [
        SuiteOutcome(suite, rows, error, pages.get(suite.name)) for suite, rows, error, _ in found
    ]
    return AuditRun(outcomes=outcomes, docs_index=pages.get("index"))
