"""Run a dataset's Great Expectations suite on one submitted file as one pandas batch."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from orchestration.intake.datasets.registry import DATASETS

RESULT_FORMAT = {"result_format": "COMPLETE", "unexpected_index_column_names": ["row_id"]}


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
        self.batches = {}
        for dataset, spec in DATASETS.items():
            suite = gx.ExpectationSuite(**load_suite_config(spec.suite, expectations_dir))
            self.suites[dataset] = context.suites.add(suite)
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
        if self.results_dir is not None:
            self.results_dir.mkdir(parents=True, exist_ok=True)
            path = self.results_dir / f"{name}.json"
            path.write_text(
                json.dumps(result.to_json_dict(), ensure_ascii=False, indent=1), "utf-8"
            )
        failures = []
        for item in result.results:
            if item.exception_info and item.exception_info.get("raised_exception"):
                raise RuntimeError(f"{dataset} suite: {item.exception_info['exception_message']}")
            if not item.success:
                rows = [int(r["row_id"]) for r in item.result.get("unexpected_index_list") or []]
                failures.append(Failure(dict(item.expectation_config.meta or {}), rows))
        return failures
