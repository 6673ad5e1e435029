"""Status badges: how a status the marts decided is drawn, from its row in a status dim."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from reports.render.html import esc, is_missing

UNKNOWN_COLOUR = "#6b7280"  # only for a code the dim lacks, which the marts' tests rule out


@dataclass(frozen=True)
class Status:
    """How one status code is shown: labels, traffic light and colour (from dim_progress_status)."""

    code: str
    zh: str
    en: str
    light: str
    colour: str
    rule_zh: str = ""
    rule_en: str = ""


class Statuses:
    """The status vocabulary of a published dim, in its display order."""

    def __init__(self, statuses: Iterable[Status]) -> None:
        self.by_code: dict[str, Status] = {s.code: s for s in statuses}

    @classmethod
    def from_records(cls, rows: Iterable[Mapping[str, Any]]) -> Statuses:
        """From dim_progress_status rows (already in status_sort_order)."""
        return cls(
            Status(
                str(r["status_code"]),
                str(r["status_zh"]),
                str(r["status_en"]),
                str(r["traffic_light"]),
                str(r["status_colour"]),
                str(r["status_rule_zh"] or ""),
                str(r["status_rule_en"] or ""),
            )
            for r in rows
        )

    def __iter__(self) -> Iterator[Status]:
        return iter(self.by_code.values())

    def __contains__(self, code: object) -> bool:
        return code in self.by_code

    def codes(self) -> list[str]:
        """Every code, in display order."""
        return list(self.by_code)

    def of(self, code: object) -> Status:
        """The Status of a code; a code the dim does not know is shown grey under its own name."""
        key = "" if is_missing(code) else str(code)
        return self.by_code.get(key, Status(key, key, key, "grey", UNKNOWN_COLOUR))

    def badge(self, code: object) -> str:
        """A traffic-light badge: coloured dot, Chinese label, English label."""
        status = self.of(code)
        return (
            f'<span class="badge light-{esc(status.light)}" style="--c:{esc(status.colour)}">'
            f'<i aria-hidden="true"></i><b>{esc(status.zh)}</b> <small>{esc(status.en)}</small>'
            "</span>"
        )


def warning_levels(rows: Iterable[Mapping[str, Any]]) -> Statuses:
    """The early-warning levels of dim_warning_level (already in warning_sort_order) as badges."""
    return Statuses(
        Status(
            str(r["warning_level"]),
            str(r["warning_zh"]),
            str(r["warning_en"]),
            str(r["traffic_light"]),
            str(r["warning_colour"]),
            str(r["warning_rule_zh"] or ""),
            str(r["warning_rule_en"] or ""),
        )
        for r in rows
    )
