"""dbt's own events turned into refresh progress: nodes done out of nodes selected."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from orchestration.refresh.progress import Counter

FAILED = {"error", "fail", "runtime error"}


class DbtProgress:
    """Counts dbt's result events (models, seeds, tests, unit tests) against dbt's total."""

    def __init__(self) -> None:
        self.counter = Counter("dbt", "nodes")

    def see(self, raw_event: Mapping[str, Any]) -> None:
        data = raw_event.get("data", {})
        name = raw_event.get("info", {}).get("name", "")
        total = data.get("total") or data.get("num_models")
        if isinstance(total, int) and total > self.counter.total:
            self.counter.total = total
        if name.endswith("Result") and data.get("node_info"):
            status = str(data.get("status") or data["node_info"].get("node_status", "")).lower()
            self.counter.step(failed=status in FAILED)
