"""Which monitoring reports to write: the latest year, the mid-term (2023) and the final (2025)."""

from __future__ import annotations

from dataclasses import dataclass

from orchestration.settings import PLAN_END_YEAR

MIDTERM_YEAR = 2023
FINAL_YEAR = PLAN_END_YEAR


@dataclass(frozen=True)
class Edition:
    """One monitoring report: its evaluation year and kind (annual, midterm or final)."""

    year: int
    kind: str

    @property
    def stem(self) -> str:
        """File name without extension, e.g. monitoring-report-2023-midterm."""
        suffix = "" if self.kind == "annual" else f"-{self.kind}"
        return f"monitoring-report-{self.year}{suffix}"

    @property
    def title_zh(self) -> str:
        """The edition's name in Chinese."""
        return {
            "annual": f"{self.year}年度监测报告",
            "midterm": f"中期评估报告（{self.year}年）",
            "final": f"总结评估报告（{self.year}年）",
        }[self.kind]

    @property
    def title_en(self) -> str:
        """The edition's name in English."""
        return {
            "annual": f"Monitoring report {self.year}",
            "midterm": f"Mid-term evaluation ({self.year})",
            "final": f"Final evaluation ({self.year})",
        }[self.kind]


def editions(years_with_data: list[int], evaluation_year: int | None = None) -> list[Edition]:
    """The annual edition for `evaluation_year` (default: latest with data), plus 2023 and 2025."""
    if not years_with_data and evaluation_year is None:
        return []
    year = evaluation_year if evaluation_year is not None else max(years_with_data)
    chosen = [Edition(year, "annual")]
    if MIDTERM_YEAR in years_with_data:
        chosen.append(Edition(MIDTERM_YEAR, "midterm"))
    if FINAL_YEAR in years_with_data:
        chosen.append(Edition(FINAL_YEAR, "final"))
    return chosen
