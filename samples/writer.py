"""Writes sample files under raw/ and records the outcome intake should reach for each."""

from __future__ import annotations

import random
from pathlib import Path

from samples.period import BASELINE
from samples.seeds import seed_rows
from samples.values import indicator_value
from samples.workbooks import SYNTHETIC, SheetSpec, write_csv, write_xlsx

SEED = 14
ZH = ["指标代码", "指标名称", "年份", "数值", "单位", "备注"]
Expect = dict[str, tuple[str, str | None]]


class Samples:
    """Writes every sample file and records the outcome intake should reach for it."""

    def __init__(self, raw: Path, seeds_dir: Path) -> None:
        self.raw, self.seeds_dir, self.rng = raw, seeds_dir, random.Random(SEED)
        self.expect: Expect = {}
        self.names = {
            r["department_code"]: r["name_zh"] for r in seed_rows(seeds_dir, "plan/departments.csv")
        }
        self.indicators = {
            r["indicator_code"]: r for r in seed_rows(seeds_dir, "plan/indicators.csv")
        }

    def value(self, code: str, year: int) -> float:
        row = self.indicators[code]
        base, target = (float(row[k] or 0) for k in ("baseline_value", "target_value"))
        return base if year == BASELINE else indicator_value(code, base, target, year, self.rng)

    def rows(self, codes: list[str], years: list[int]) -> list[list[object]]:
        """Chinese-header indicator rows: code, name, year, value, unit, note."""
        found = []
        for year in years:
            for code in codes:
                row = self.indicators[code]
                if year == BASELINE and not row["baseline_value"]:
                    continue
                note = (
                    "快报数" if year == BASELINE + 5 else ("基期值" if year == BASELINE else None)
                )
                found.append(
                    [code, row["name_zh"], year, self.value(code, year), row["unit"], note]
                )
        return found

    def xlsx(
        self,
        rel: str,
        rows: list[list[object]],
        header: list[str] = ZH,
        *,
        outcome: str = "accepted",
        rule: str | None = None,
        title: str = "",
        sheet: str = "指标数据",
        percent: tuple[int, ...] = (),
    ) -> Path:
        department = rel.split("/")[0]
        titles = [SYNTHETIC, f"{self.names[department]} · {title}"]
        notes = [
            f"注：{BASELINE + 5}年为快报数，以年报为准。",
            "数据来源：部门统计（合成示例数据）",
        ]
        path = self.raw / rel
        spec = SheetSpec(
            sheet,
            header,
            rows,
            titles,
            notes,
            widths=[12, 36, 8, 12, 10, 24],
            percent_columns=percent,
        )
        write_xlsx(path, [spec])
        self.expect[rel] = (outcome, rule)
        return path

    def csv(
        self,
        rel: str,
        header: list[str],
        rows: list[list[object]],
        *,
        outcome: str = "accepted",
        rule: str | None = None,
        **options: object,
    ) -> None:
        write_csv(self.raw / rel, header, rows, **options)  # type: ignore[arg-type]
        self.expect[rel] = (outcome, rule)
