"""How big each benchmark runs: --quick (under 2 minutes), the default, and tiny (the tests)."""

from __future__ import annotations

from dataclasses import dataclass

from orchestration.intake.reading import DEFAULT_LIMITS


@dataclass(frozen=True)
class Sizes:
    """Numbers of files and rows for one benchmark run."""

    name: str
    files: int  # submission files for the intake throughput run
    large_rows: int  # rows of the largest valid file (at most 19,368: 269 projects × 72 months)
    row_limit: int  # intake's per-file row limit; the at- and over-limit files follow from it
    project_rows: tuple[int, ...]  # raw project-progress rows for each dbt build
    hostile_scale: float = 1.0  # size of the hostile workbooks (1.0: as seen in the wild)


QUICK = Sizes(
    "quick", files=6, large_rows=2_000, row_limit=5_000, project_rows=(1_000,), hostile_scale=0.1
)
DEFAULT = Sizes(
    "default",
    files=60,
    large_rows=19_368,
    row_limit=DEFAULT_LIMITS.max_rows,
    project_rows=(1_000, 100_000, 1_000_000),
)
TINY = Sizes(
    "tiny", files=2, large_rows=100, row_limit=400, project_rows=(500,), hostile_scale=0.001
)
