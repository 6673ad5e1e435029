"""Status codes of the progress marts: labels, traffic-light colours, display order."""

from __future__ import annotations

from dataclasses import dataclass

from reports.html import esc, is_missing


@dataclass(frozen=True)
class Status:
    """How one status code is shown."""

    code: str
    zh: str
    en: str
    light: str  # green, amber, red or grey: the traffic light
    colour: str


STATUSES: dict[str, Status] = {
    s.code: s
    for s in [
        Status("achieved_early", "提前实现", "Achieved early", "green", "#0b6e4f"),
        Status("ahead", "快于预期", "Ahead of schedule", "green", "#2e8b57"),
        Status("on_track", "基本符合预期", "On track", "amber", "#b7791f"),
        Status("lagging", "滞后", "Lagging", "red", "#c0392b"),
        Status("constraint_met", "约束达标", "Constraint met", "green", "#1f6f8b"),
        Status("constraint_violated", "约束未达标", "Constraint violated", "red", "#8e1b1b"),
        Status("no_baseline", "基期缺失", "No baseline", "grey", "#6b7280"),
        Status("no_target", "目标待定", "No target", "grey", "#6b7280"),
        Status("no_data", "无数据", "No data", "grey", "#9ca3af"),
    ]
}
ORDER: list[str] = list(STATUSES)
PROGRESS_CODES: list[str] = ["achieved_early", "ahead", "on_track", "lagging"]
BINDING_CODES: list[str] = ["constraint_met", "constraint_violated"]


def status_of(code: object, zh: object = None, en: object = None) -> Status:
    """The Status for a code; labels from the mart win, an unknown code is shown grey."""
    key = "no_data" if is_missing(code) else str(code)
    known = STATUSES.get(key, Status(key, key, key, "grey", "#6b7280"))
    return Status(
        known.code,
        known.zh if is_missing(zh) else str(zh),
        known.en if is_missing(en) else str(en),
        known.light,
        known.colour,
    )


def badge(code: object, zh: object = None, en: object = None) -> str:
    """A traffic-light badge: coloured dot, Chinese label, English label."""
    status = status_of(code, zh, en)
    return (
        f'<span class="badge light-{status.light}" style="--c:{status.colour}">'
        f'<i aria-hidden="true"></i><b>{esc(status.zh)}</b> <small>{esc(status.en)}</small></span>'
    )
