"""Rows of the dbt seeds that samples and templates are made from."""

from __future__ import annotations

import csv
from pathlib import Path


def seed_rows(seeds_dir: Path, name: str) -> list[dict[str, str]]:
    """Rows of a seed CSV, by its path under the seeds folder (e.g. plan/indicators.csv)."""
    with (seeds_dir / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))
