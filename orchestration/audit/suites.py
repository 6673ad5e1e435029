"""Mart suites: the versioned GX suite files under expectations/suites/ and what they declare.

A suite file is plain GX suite JSON named `marts.<model>.json`. Its `meta.planwatch` says
what GX cannot: `parameters`, SQL over the build database bound to `$PARAMETER` references
(so expected counts and key sets come from the reference data and dims at run time), and
optionally `batch_sql`, when the batch needs derived columns; by default the batch is the
whole mart, `select * from marts.<model>`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from orchestration.settings import EXPECTATIONS_DIR, MARTS_SCHEMA

SUITES_DIR: Path = EXPECTATIONS_DIR / "suites"
MART_SUITE_GLOB = "marts.*.json"


@dataclass(frozen=True)
class Parameter:
    """A suite parameter: one value (`scalar`) or the first column of every row (`values`)."""

    sql: str
    kind: Literal["scalar", "values"] = "scalar"


@dataclass(frozen=True)
class MartSuite:
    """One audited mart: its GX suite and the SQL that feeds it."""

    name: str
    model: str
    description: str
    batch_sql: str
    parameters: dict[str, Parameter] = field(default_factory=dict)
    definition: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def check_name(self) -> str:
        """The Dagster check name, stable for a suite: gx_marts_dim_indicator."""
        return "gx_" + re.sub(r"\W", "_", self.name)


def load_suite(path: Path) -> MartSuite:
    """Read one suite file; its name must be `marts.<model>` and match the file name."""
    definition = json.loads(path.read_text(encoding="utf-8"))
    name = definition.get("name", "")
    prefix = MARTS_SCHEMA + "."
    if name != path.name.removesuffix(".json") or not name.startswith(prefix):
        raise ValueError(f"{path}: suite name {name!r} must be marts.<model> and match the file")
    model = name.removeprefix(prefix)
    meta = definition.get("meta", {}).get("planwatch", {})
    parameters = {
        key: Parameter(sql=spec["sql"], kind=spec.get("kind", "scalar"))
        for key, spec in meta.get("parameters", {}).items()
    }
    for key, parameter in parameters.items():
        if parameter.kind not in ("scalar", "values"):
            raise ValueError(f"{path}: parameter {key} has unknown kind {parameter.kind!r}")
    return MartSuite(
        name=name,
        model=model,
        description=meta.get("description", f"Great Expectations suite {name}"),
        batch_sql=meta.get("batch_sql", f'select * from {MARTS_SCHEMA}."{model}"'),
        parameters=parameters,
        definition=definition,
    )


def mart_suites(directory: Path = SUITES_DIR) -> list[MartSuite]:
    """Every mart suite in the directory, in name order."""
    return [load_suite(path) for path in sorted(directory.glob(MART_SUITE_GLOB))]
