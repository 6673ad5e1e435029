"""What reading a submitted file yields (sheets of numbered rows), its limits, and how it fails."""

from __future__ import annotations

from dataclasses import dataclass, field

from orchestration.intake.rules import Issue, issue


@dataclass(frozen=True)
class Limits:
    """Size limits that keep one huge or hostile file from exhausting the machine.

    Every limit is structural (bytes, counts), never a clock, so a file gets the same
    decision on any machine and on every reprocessing; parsing cost grows with the bytes
    read, which max_unpacked bounds.
    """

    max_bytes: int = 20 * 2**20
    max_unpacked: int = 200 * 2**20
    max_rows: int = 100_000
    max_cols: int = 64
    max_sheets: int = 50
    max_members: int = 2_000  # entries in the xlsx zip
    max_shared_strings: int = 1_000_000  # distinct texts in xl/sharedStrings.xml
    max_strings_bytes: int = 64 * 2**20  # xl/sharedStrings.xml unpacked
    max_styles_bytes: int = 8 * 2**20  # xl/styles.xml unpacked
    max_cell_formats: int = 64_000  # cellXfs entries (Excel itself allows 64,000)
    max_cells: int = 3_000_000  # cell elements parsed, all sheets (empty formatted ones free)


DEFAULT_LIMITS = Limits()


Row = tuple[int, list[object]]  # a row's number as Excel shows it, and its cells from column A


@dataclass
class Sheet:
    """One sheet (or a whole CSV): its non-empty rows, each with its number as Excel shows it,
    and its merged ranges near the top as (first row, first column, last row, last column),
    rows numbered as in Excel and columns from 0."""

    name: str | None
    rows: list[Row] = field(default_factory=list)
    hidden: bool = False
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class Uncomputed:
    """A formula cell saved without its result (the workbook was never calculated)."""

    formula: str

    def __str__(self) -> str:
        return f"={self.formula}"


class FileRejected(Exception):
    """The whole file cannot be read; carries the reason."""

    def __init__(self, reason: Issue) -> None:
        super().__init__(reason.reason_en)
        self.reason = reason


def reject(rule: str, **values: object) -> FileRejected:
    """A FileRejected for a catalogue rule."""
    return FileRejected(issue(rule, **values))
