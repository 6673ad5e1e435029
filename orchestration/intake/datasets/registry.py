"""Every submission dataset and every raw table, in the order intake tries and writes them.

Adding a dataset: a module beside this one with its SPEC, listed here; its GX suite
expectations/suites/<suite>.json; its table in dbt's _intake__sources.yml and a staging model.
"""

from __future__ import annotations

from orchestration.intake.datasets import indicator_values, project_progress, sector_output
from orchestration.intake.datasets.log_tables import LOG_TABLES
from orchestration.intake.datasets.spec import DatasetSpec, Table

DATASETS: dict[str, DatasetSpec] = {
    spec.name: spec for spec in (indicator_values.SPEC, project_progress.SPEC, sector_output.SPEC)
}
RAW_TABLES: dict[str, Table] = {
    table.name: table for table in (*LOG_TABLES, *(spec.table for spec in DATASETS.values()))
}
DESCRIPTIONS: dict[str, str] = {name: table.description for name, table in RAW_TABLES.items()}


def header_hints() -> dict[str, str]:
    """What each dataset's header must name, for the dataset_unrecognised reason."""
    return {
        "expected_zh": "，".join(spec.header_hint[0] for spec in DATASETS.values()),
        "expected_en": "; ".join(spec.header_hint[1] for spec in DATASETS.values()),
    }
