"""What one refresh did, as the summary prints it (no Dagster import: the quick path uses it)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RefreshResult:
    """Outcome of one refresh (run_id None: answered before a Dagster run started)."""

    success: bool
    run_id: str | None
    failed_steps: list[str] = field(default_factory=list)
    skipped_steps: list[str] = field(default_factory=list)
    decision: str | None = None
    rebuilt: bool = False
    new_submissions: list[str] = field(default_factory=list)
    rewritten: list[str] = field(default_factory=list)
