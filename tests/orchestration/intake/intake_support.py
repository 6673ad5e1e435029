"""Helpers for the intake tests: a drop folder with writers and readers, invariants."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb
import openpyxl
import xlsxwriter

from orchestration.intake.reading import DEFAULT_LIMITS, Limits
from orchestration.intake.run import Summary, run_intake


class Formula(str):
    """A cell to write as a formula (with a cached result) rather than as text."""


class Drop:
    """A drop folder and warehouse under tmp_path, with writers for submissions and readers."""

    def __init__(self, root: Path, seeds: Path) -> None:
        self.raw, self.home, self.seeds = root / "raw", root / "warehouse", seeds
        self.raw.mkdir()

    @property
    def db(self) -> Path:
        return self.home / "build.duckdb"

    def put(self, rel: str, data: bytes) -> Path:
        path = self.raw / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    def csv(self, rel: str, text: str, encoding: str = "utf-8", bom: bool = False) -> Path:
        return self.put(rel, (b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding))

    def xlsx(
        self,
        rel: str,
        *sheets: tuple[str, Sequence[Sequence[Any]]],
        percent: Sequence[tuple[int, int]] = (),
        hidden: Sequence[str] = (),
    ) -> Path:
        """Write a workbook; rows are written from A1 down, None cells left empty."""
        path = self.raw / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False})
        book.set_properties({"created": dt.datetime(2024, 1, 1)})  # same content, same bytes
        pct = book.add_format({"num_format": "0.0%"})
        day = book.add_format({"num_format": "yyyy-mm-dd"})
        for name, rows in sheets:
            ws = book.add_worksheet(name)
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    if value is None:
                        continue
                    if isinstance(value, Formula):
                        ws.write_formula(r, c, str(value), None, 0)
                    elif isinstance(value, dt.date):
                        ws.write_datetime(
                            r, c, dt.datetime(value.year, value.month, value.day), day
                        )
                    elif isinstance(value, str):
                        ws.write_string(r, c, value)
                    else:
                        ws.write(r, c, value, pct if (r, c) in percent else None)
            if name in hidden:
                ws.hide()
        book.close()
        return path

    def merged_xlsx(
        self, rel: str, rows: Sequence[Sequence[Any]], merges: Sequence[str] = (), sheet: str = "s"
    ) -> Path:
        """Write a one-sheet workbook with openpyxl, merging the given ranges (e.g. "E2:G2")."""
        path = self.raw / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        book = openpyxl.Workbook()
        ws = book.active
        ws.title = sheet
        for row in rows:
            ws.append(list(row))
        for ref in merges:
            ws.merge_cells(ref)
        book.save(path)
        return path

    def run(self, limits: Limits = DEFAULT_LIMITS) -> Summary:
        summary = run_intake(seeds_dir=self.seeds, limits=limits)
        check_invariants(self.db)
        return summary

    def query(self, sql: str, *params: Any) -> list[dict[str, Any]]:
        with duckdb.connect(str(self.db), read_only=True) as con:
            cursor = con.execute(sql, list(params))
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def log(self, path: str | None = None) -> dict[str, Any]:
        """The latest submission_log row (of one file path when given)."""
        where = "where file_path = ?" if path else ""
        rows = self.query(
            f"select * from raw.submission_log {where} order by received_at desc",
            *([path] if path else []),
        )
        return rows[0]

    def table(self, name: str) -> list[dict[str, Any]]:
        return self.query(f"select * from raw.{name} order by all")


def check_invariants(db: Path) -> None:
    """rows_received = accepted + quarantined, and every quarantined row is in raw.quarantine."""
    with duckdb.connect(str(db), read_only=True) as con:
        broken = con.execute(
            """select l.file_path from raw.submission_log l
               left join (select submission_id, count(distinct (sheet, excel_row)) as n
                          from raw.quarantine group by 1) q using (submission_id)
               where rows_received <> rows_accepted + rows_quarantined
                  or rows_quarantined <> coalesce(q.n, 0)
                  or (status <> 'accepted' and rows_accepted <> 0)"""
        ).fetchall()
    assert not broken, broken


INDICATOR_HEADER = ["指标代码", "指标名称", "年份", "数值", "单位", "备注"]
PROJECT_HEADER = [
    "项目编号",
    "项目名称",
    "报告期",
    "项目状态",
    "总投资（万元）",
    "本期完成投资（万元）",
    "累计完成投资（万元）",
    "开工日期",
    "竣工日期",
    "备注",
]
SECTOR_HEADER = ["产业", "年份", "产值（亿元）", "规上企业数（户）", "备注"]
TITLE = ["示例数据（合成）/ SYNTHETIC SAMPLE DATA"]
