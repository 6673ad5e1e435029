"""Progress of a refresh, a line per stage step, for whoever watches it.

Steps report through the `planwatch.progress` logger: `planwatch refresh` prints these
lines (and only these) on the terminal while the full logs go to warehouse/logs/, and a
run started by the daemon shows them in its Dagster event log.
"""

from __future__ import annotations

import logging

LOGGER = logging.getLogger("planwatch.progress")


def progress(stage: str, text: str) -> None:
    """Report one step: `stage` (intake, dbt, checks, publish, docs, reports) and what happened."""
    LOGGER.info("%-8s %s", stage, text)


class Counter:
    """Reports `done/total` at each quarter of the way, and at the end, not at every step."""

    def __init__(self, stage: str, unit: str, total: int = 0) -> None:
        self.stage, self.unit, self.total = stage, unit, total
        self.done = self.failed = self._reported = 0

    def step(self, *, failed: bool = False) -> None:
        self.done += 1
        self.failed += failed
        quarter = self.total // 4 or 1
        finished = bool(self.total) and self.done >= self.total
        if finished or self.done - self._reported >= quarter:
            self.report()

    def report(self) -> None:
        self._reported = self.done
        failures = f", {self.failed} failed" if self.failed else ""
        progress(self.stage, f"{self.done}/{self.total or '?'} {self.unit}{failures}")
