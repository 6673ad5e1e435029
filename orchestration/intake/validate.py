"""Run a dataset's Great Expectations suite on submitted files as pandas batches.

One validation costs GX about a second of fixed work whatever the rows, so intake validates
many files of a dataset in one batch (`validate_many`): their frames stacked, each row
tagged with its file's number, which is added to every compound-uniqueness key so that a
key is unique within its own file as when the file is validated alone. Every expectation
of these suites is a row-level (map) expectation, so each file's failing rows are exactly
those of its own validation; the batch result is split into one result per file (rows
re-numbered from 0) for the Data Docs, as if each file had been validated on its own.
Files are batched only with files whose suite parameters are the same.
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from orchestration.intake.datasets.registry import DATASETS

RESULT_FORMAT = {"result_format": "COMPLETE", "unexpected_index_column_names": ["row_id"]}
BATCH_RESULT_FORMAT = {
    "result_format": "COMPLETE",
    "unexpected_index_column_names": ["file_no", "row_id"],
}
FILE_NO = "file_no"
PARTIAL = 20  # GX's partial_unexpected lists hold the first 20


@dataclass(frozen=True)
class Failure:
    """Rows of the batch that broke one expectation, with the expectation's meta (rule, field)."""

    meta: dict[str, Any]
    row_ids: list[int]


def load_suite_config(suite: str, expectations_dir: Path) -> dict[str, Any]:
    """The versioned suite file expectations/suites/<suite>.json."""
    return json.loads((expectations_dir / "suites" / f"{suite}.json").read_text("utf-8"))


class Validator:
    """An ephemeral GX context holding every dataset's suite; nothing is written by GX."""

    def __init__(self, expectations_dir: Path, results_dir: Path | None = None) -> None:
        import great_expectations as gx
        from great_expectations.data_context.types.base import (
            DataContextConfig,
            InMemoryStoreBackendDefaults,
            ProgressBarsConfig,
        )

        config = DataContextConfig(
            store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
            progress_bars=ProgressBarsConfig(globally=False),
            analytics_enabled=False,
        )
        context = gx.get_context(mode="ephemeral", project_config=config)
        source = context.data_sources.add_pandas("submissions")
        self.suites = {}
        self.batched_suites = {}
        self.batches = {}
        for dataset, spec in DATASETS.items():
            config = load_suite_config(spec.suite, expectations_dir)
            self.suites[dataset] = context.suites.add(gx.ExpectationSuite(**config))
            batched = gx.ExpectationSuite(**_per_file_keys(config))
            self.batched_suites[dataset] = context.suites.add(batched)
            asset = source.add_dataframe_asset(dataset)
            self.batches[dataset] = asset.add_batch_definition_whole_dataframe("one_file")
        self.results_dir = results_dir

    def validate(
        self, dataset: str, frame: pd.DataFrame, parameters: dict[str, Any], name: str
    ) -> list[Failure]:
        """Failures of the dataset's suite on the frame; the full result goes to results_dir."""
        batch = self.batches[dataset].get_batch(batch_parameters={"dataframe": frame})
        result = batch.validate(
            self.suites[dataset], result_format=RESULT_FORMAT, expectation_parameters=parameters
        )
        self._write(name, result.to_json_dict())
        failures = []
        for item in result.results:
            _raise_on_exception(dataset, item)
            if not item.success:
                rows = [int(r["row_id"]) for r in item.result.get("unexpected_index_list") or []]
                failures.append(Failure(dict(item.expectation_config.meta or {}), rows))
        return failures

    def validate_many(
        self, dataset: str, items: list[tuple[pd.DataFrame, dict[str, Any], str]]
    ) -> list[list[Failure]]:
        """Failures of each (frame, parameters, name), validated in as few batches as their
        parameters allow; each file's result goes to results_dir under its name."""
        found: list[list[Failure]] = [[] for _ in items]
        groups: dict[str, list[int]] = {}
        for index, (_, params, _) in enumerate(items):
            groups.setdefault(json.dumps(params, sort_keys=True, default=str), []).append(index)
        for members in groups.values():
            if len(members) == 1:
                frame, params, name = items[members[0]]
                found[members[0]] = self.validate(dataset, frame, params, name)
                continue
            frames = [items[i][0].assign(**{FILE_NO: n}) for n, i in enumerate(members)]
            stacked = pd.concat(frames, ignore_index=True)
            batch = self.batches[dataset].get_batch(batch_parameters={"dataframe": stacked})
            result = batch.validate(
                self.batched_suites[dataset],
                result_format=BATCH_RESULT_FORMAT,
                expectation_parameters=items[members[0]][1],
            )
            whole = result.to_json_dict()
            for item in result.results:
                _raise_on_exception(dataset, item)
            buckets = [(r, _by_file(r)) for r in whole["results"]]
            for n, i in enumerate(members):
                one = _one_file(whole, buckets, n, items[i][0])
                self._write(items[i][2], one)
                found[i] = [
                    Failure(dict(r["expectation_config"].get("meta") or {}), _row_ids(r))
                    for r in one["results"]
                    if not r["success"]
                ]
        return found

    def _write(self, name: str, result: dict[str, Any]) -> None:
        if self.results_dir is not None:
            self.results_dir.mkdir(parents=True, exist_ok=True)
            path = self.results_dir / f"{name}.json"
            path.write_text(json.dumps(result, ensure_ascii=False, indent=1), "utf-8")


def _raise_on_exception(dataset: str, item: Any) -> None:
    if item.exception_info and item.exception_info.get("raised_exception"):
        raise RuntimeError(f"{dataset} suite: {item.exception_info['exception_message']}")


def _per_file_keys(config: dict[str, Any]) -> dict[str, Any]:
    """The suite for a batch of files: every compound key also holds the file's number."""
    batched = copy.deepcopy(config)
    batched["name"] = f"{config['name']}.batched"
    for expectation in batched["expectations"]:
        expectation.pop("id", None)
        columns = expectation["kwargs"].get("column_list")
        if expectation["type"] == "expect_compound_columns_to_be_unique" and columns:
            expectation["kwargs"]["column_list"] = [*columns, FILE_NO]
    return batched


def _row_ids(result: dict[str, Any]) -> list[int]:
    return [int(r["row_id"]) for r in result["result"].get("unexpected_index_list") or []]


def _missing(frame: pd.DataFrame, kwargs: dict[str, Any]) -> int:
    """Rows of one file a map expectation skips as missing (as GX counts them)."""
    if "column" in kwargs:
        return int(frame[kwargs["column"]].isna().sum())
    if "column_A" in kwargs:
        pair = frame[[kwargs["column_A"], kwargs["column_B"]]].isna()
        how = kwargs.get("ignore_row_if", "both_values_are_missing")
        return int(
            (pair.any(axis=1) if how == "either_value_is_missing" else pair.all(axis=1)).sum()
        )
    columns = [c for c in kwargs.get("column_list", []) if c != FILE_NO]
    nulls = frame[columns].isna()
    how = kwargs.get("ignore_row_if", "all_values_are_missing")
    return int((nulls.any(axis=1) if how == "any_value_is_missing" else nulls.all(axis=1)).sum())


def _hashable(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(_hashable(v) for v in value.values())
    return tuple(_hashable(v) for v in value) if isinstance(value, list) else value


def _counts(values: list[Any]) -> list[dict[str, Any]]:
    """GX's partial_unexpected_counts: the 20 most common values (a row of several columns
    as the tuple of its values), most frequent first."""
    try:
        common = Counter(_hashable(v) for v in values).most_common(PARTIAL)
        return [{"value": k, "count": c} for k, c in sorted(common, key=lambda x: (-x[1], x[0]))]
    except TypeError:
        return [{"error": "partial_exception_counts requires a hashable type"}]


def _without_file_no(value: Any) -> Any:
    return {k: v for k, v in value.items() if k != FILE_NO} if isinstance(value, dict) else value


def _by_file(result: dict[str, Any]) -> dict[int, list[tuple[Any, Any]]]:
    """One expectation's unexpected (index, value) pairs of a batch, per file number."""
    detail = result.get("result") or {}
    indices = detail.get("unexpected_index_list") or []
    values = detail.get("unexpected_list") or [None] * len(indices)
    found: dict[int, list[tuple[Any, Any]]] = {}
    for index, value in zip(indices, values, strict=True):
        pair = (_without_file_no(index), _without_file_no(value))
        found.setdefault(index.get(FILE_NO), []).append(pair)
    return found


def _one_result(
    result: dict[str, Any], mine: list[tuple[Any, Any]], frame: pd.DataFrame
) -> dict[str, Any]:
    """One expectation's result restricted to one file of the batch, with the fields GX
    gives a validation of that file alone (its row ids are the file's own)."""
    config = result["expectation_config"]
    kwargs = dict(config["kwargs"])
    if kwargs.get("column_list"):
        kwargs["column_list"] = [c for c in kwargs["column_list"] if c != FILE_NO]
    out = {**result, "expectation_config": {**config, "kwargs": kwargs}}
    detail = dict(result.get("result") or {})
    indices, values = [i for i, _ in mine], [v for _, v in mine]
    rows, unexpected = len(frame), len(mine)
    total = unexpected / rows * 100 if rows else None
    percent = total
    if "missing_count" in detail:
        missing = _missing(frame, kwargs)
        present = rows - missing
        percent = unexpected / present * 100 if rows and present else None
        detail["missing_count"] = missing
        detail["missing_percent"] = missing / rows * 100 if rows else None
        detail["unexpected_percent_total"] = total
        detail["unexpected_percent_nonmissing"] = percent
    detail.update(
        {
            "element_count": rows,
            "unexpected_count": unexpected,
            "unexpected_percent": percent,
            "unexpected_list": values,
            "unexpected_index_list": indices,
            "partial_unexpected_list": values[:PARTIAL],
            "partial_unexpected_index_list": indices[:PARTIAL],
            "partial_unexpected_counts": _counts(values),
            "unexpected_index_column_names": ["row_id"],
            "unexpected_index_query": (
                f"df.filter(items={[i['row_id'] for i in indices]}, axis=0)"
            ),
        }
    )
    out["result"] = detail
    mostly = kwargs.get("mostly", 1.0)
    out["success"] = percent is None or percent / 100 <= 1 - mostly + 1e-12
    return out


def _one_file(
    whole: dict[str, Any],
    buckets: list[tuple[dict[str, Any], dict[int, list[tuple[Any, Any]]]]],
    file_no: int,
    frame: pd.DataFrame,
) -> dict[str, Any]:
    """The batch's validation result as that file's own (statistics recounted)."""
    results = [_one_result(r, pairs.get(file_no, []), frame) for r, pairs in buckets]
    passed = sum(1 for r in results if r["success"])
    one = {k: copy.deepcopy(v) for k, v in whole.items() if k != "results"}
    one["suite_name"] = whole["suite_name"].removesuffix(".batched")
    one["results"] = results
    one["success"] = passed == len(results)
    one["statistics"] = {
        "evaluated_expectations": len(results),
        "successful_expectations": passed,
        "unsuccessful_expectations": len(results) - passed,
        "success_percent": passed / len(results) * 100 if results else None,
    }
    return one
