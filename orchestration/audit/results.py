"""Turn GX validation results into rows of audit.validation_result (pure functions)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pandas as pd
from great_expectations.core.expectation_validation_result import (
    ExpectationSuiteValidationResult,
    ExpectationValidationResult,
)

from orchestration.audit.suites import MartSuite

CRITICAL = "critical"
SAMPLE_ROWS = 20
LONG_LIST = 10


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


def _abbreviate(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Kwargs without batch_id, long bound lists shortened to a count."""
    short = {}
    for key, value in kwargs.items():
        if key == "batch_id":
            continue
        if isinstance(value, list) and len(value) > LONG_LIST:
            value = [*value[:LONG_LIST], f"… {len(value)} values in all"]
        short[key] = value
    return short


def _columns(kwargs: dict[str, Any]) -> str | None:
    if "column" in kwargs:
        return kwargs["column"]
    if "column_list" in kwargs:
        return ", ".join(kwargs["column_list"])
    if "column_A" in kwargs:
        return f"{kwargs['column_A']}, {kwargs['column_B']}"
    return None


def _exception(result: ExpectationValidationResult) -> str | None:
    info = result.exception_info or {}
    infos = [info] if "raised_exception" in info else list(info.values())
    messages = [i.get("exception_message") for i in infos if i.get("raised_exception")]
    return "; ".join(str(m) for m in messages) or None


def _sample(result: dict[str, Any], frame: pd.DataFrame) -> str | None:
    """The failing rows themselves (up to SAMPLE_ROWS) where GX names their index."""
    index = result.get("partial_unexpected_index_list") or []
    if not index:
        return None
    rows = frame.loc[[i for i in index[:SAMPLE_ROWS] if i in frame.index]]
    return rows.to_json(orient="records", date_format="iso", force_ascii=False)


def _observed(result: dict[str, Any]) -> str | None:
    if "observed_value" in result:
        return _json(result["observed_value"])
    keys = ("element_count", "unexpected_count", "unexpected_percent", "partial_unexpected_list")
    return _json({key: result[key] for key in keys if key in result}) if result else None


def expectation_row(result: ExpectationValidationResult, frame: pd.DataFrame) -> dict[str, Any]:
    """One result as the expectation-specific columns of a validation_result row."""
    config = result.expectation_config
    detail = result.result or {}
    failed = not result.success
    return {
        "expectation_type": config.type,
        "column_name": _columns(config.kwargs),
        "description": config.description or (config.meta or {}).get("description"),
        "expectation_kwargs": _json(_abbreviate(dict(config.kwargs))),
        "success": bool(result.success),
        "severity": str(config.severity.value),
        "observed_value": _observed(detail),
        "unexpected_count": detail.get("unexpected_count"),
        "failing_sample": _sample(detail, frame) if failed else None,
        "exception": _exception(result),
    }


def result_rows(
    run_id: str,
    validated_at: datetime,
    suite: MartSuite,
    validation: ExpectationSuiteValidationResult,
    frame: pd.DataFrame,
) -> list[dict[str, Any]]:
    """Every expectation of one suite run as validation_result rows."""
    head = {"run_id": run_id, "validated_at": validated_at}
    head |= {"suite": suite.name, "mart": suite.model}
    return [{**head, **expectation_row(result, frame)} for result in validation.results]


def suite_not_run_row(
    run_id: str, validated_at: datetime, suite: MartSuite, error: BaseException
) -> dict[str, Any]:
    """The row recording that a suite could not run at all (missing mart, bad parameter SQL)."""
    return {
        "run_id": run_id,
        "validated_at": validated_at,
        "suite": suite.name,
        "mart": suite.model,
        "expectation_type": "suite_not_run",
        "column_name": None,
        "description": suite.description,
        "expectation_kwargs": None,
        "success": False,
        "severity": CRITICAL,
        "observed_value": None,
        "unexpected_count": None,
        "failing_sample": None,
        "exception": f"{type(error).__name__}: {error}",
    }
