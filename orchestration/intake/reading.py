"""What reading a submitted file yields (sheets of numbered rows), its limits, and how it fails."""

from __future__ import annotations

from dataclasses import dataclass, field

from orchestration.intake.rules import Issue, issue


@dataclass(frozen=True)
class Limits:
    """Size limits that keep one huge or hostile file from exhausting the machine."""

    max_bytes: int = 20 * 2**20
    max_unpacked: int = 200 * 2**20
    max_rows: int = 100_000
    max_cols: int = 64
    max_sheets: int = 50


DEFAULT_LIMITS = Limits()


@dataclass
class Sheet:
    """One sheet (or a whole CSV): its non-empty rows, each with its number as Excel shows it."""

    name: str | None
    rows: list[tuple[int, list[object]]] = field(default_factory=list)
    hidden: bool = False


class FileRejected(Exception):
    """The whole file cannot be read; carries the reason."""

    def __init__(self, reason: Issue) -> None:
        super().__init__(reason.reason_en)
        self.reason = reason


def reject(rule: str, **values: object) -> FileRejected:
    """A FileRejected for a catalogue rule."""
    return FileRejected(issue(rule, **values))
