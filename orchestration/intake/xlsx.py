"""Read an .xlsx workbook safely: every part and count bounded before or while it is read,
only rows that hold a value kept, % and date formats applied, formulas without a result
marked."""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from collections.abc import Callable
from typing import TypeVar
from xml.parsers import expat

from orchestration.intake import ooxml
from orchestration.intake.reading import Limits, Sheet, reject

T = TypeVar("T")
WORKBOOK, WORKBOOK_RELS = "xl/workbook.xml", "xl/_rels/workbook.xml.rels"
WHAT = {
    "members": ("个压缩成员", "zip members"),
    "bytes": ("字节", "bytes"),
    "uniqueCount": ("个共享字符串（声明）", "shared strings (declared)"),
    "si": ("个共享字符串", "shared strings"),
    "cellXfs": ("种单元格格式", "cell formats"),
    "c": ("个单元格", "cells"),
}


def too_complex(part: str, what: str, count: int, limit: int) -> Exception:
    zh, en = WHAT[what]
    return reject(
        "workbook_too_complex", part=part, count=count, limit=limit, what_zh=zh, what_en=en
    )


def _members(archive: zipfile.ZipFile, limits: Limits) -> dict[str, zipfile.ZipInfo]:
    """The zip's members by name, after the checks that need no decompression."""
    members = archive.infolist()
    if len(members) > limits.max_members:
        raise too_complex("zip", "members", len(members), limits.max_members)
    unpacked = sum(m.file_size for m in members)
    if unpacked > limits.max_unpacked:
        raise reject("workbook_too_large", size=unpacked, limit=limits.max_unpacked)
    if not any(m.filename == WORKBOOK for m in members):
        raise reject("file_corrupt", detail="缺少 xl/workbook.xml, not an Excel workbook")
    return {m.filename: m for m in members}


def _target(target: str) -> str:
    """A workbook relationship's target as a zip member name."""
    if target.startswith("/"):
        return target[1:]
    return posixpath.normpath(posixpath.join("xl", target))


def _sized(members: dict[str, zipfile.ZipInfo], name: str, limit: int) -> bool:
    """True when the part exists; refused when it unpacks to more than limit bytes."""
    info = members.get(name)
    if info is not None and info.file_size > limit:
        raise too_complex(name, "bytes", info.file_size, limit)
    return info is not None


def _part(archive: zipfile.ZipFile, name: str, reader: Callable[..., T], *args: object) -> T:
    """One part read by one of the ooxml readers; a count over its limit names the part."""
    try:
        with archive.open(name) as stream:
            return reader(stream, *args)
    except ooxml.TooMany as exc:
        raise too_complex(name, exc.what, exc.count, exc.limit) from exc


def _read(archive: zipfile.ZipFile, limits: Limits) -> list[Sheet]:
    members = _members(archive, limits)
    rels = _part(archive, WORKBOOK_RELS, ooxml.relationships)
    listed, date1904 = _part(archive, WORKBOOK, ooxml.workbook)
    parts = {kind: _target(target) for kind, target in rels.values()}
    styles = parts.get("styles", "xl/styles.xml")
    formats: list[str | None] = []
    if _sized(members, styles, limits.max_styles_bytes):
        formats = _part(archive, styles, ooxml.cell_formats, limits.max_cell_formats)
    shared = parts.get("sharedStrings", "xl/sharedStrings.xml")
    strings: list[str] = []
    if _sized(members, shared, limits.max_strings_bytes):
        strings = _part(archive, shared, ooxml.shared_strings, limits.max_shared_strings)
    worksheets = [
        (name, _target(rels[rid][1]), state)
        for name, rid, state in listed
        if rid in rels and rels[rid][0] == "worksheet"
    ]
    if len(worksheets) > limits.max_sheets:
        raise reject("too_many_sheets", limit=limits.max_sheets)
    sheets, total, cells = [], 0, 0
    for name, path, state in worksheets:
        sheet = Sheet(name, hidden=state != "visible")
        with archive.open(path) as stream:
            budget = limits.max_cells - cells
            rows = ooxml.SheetRows(stream, strings, formats, date1904, limits.max_cols, budget)
            try:
                for row in rows:
                    total += 1
                    if total > limits.max_rows:
                        raise reject("too_many_rows", limit=limits.max_rows)
                    sheet.rows.append(row)
            except ooxml.TooMany as exc:
                raise too_complex(path, exc.what, cells + exc.count, limits.max_cells) from exc
            except ooxml.WideRow as exc:
                raise reject(
                    "too_many_columns",
                    sheet=name,
                    row=exc.row,
                    number=exc.column + 1,
                    limit=limits.max_cols,
                ) from exc
        sheet.merged, cells = rows.merged, cells + rows.cells
        sheets.append(sheet)
    return sheets


def read(data: bytes, limits: Limits) -> list[Sheet]:
    """Every worksheet's rows that hold a value, numbered as Excel numbers them."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise reject("file_corrupt", detail=str(exc)) from exc
    with archive:
        try:
            return _read(archive, limits)
        except (
            ooxml.Refused,
            expat.ExpatError,
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            KeyError,
            IndexError,
            ValueError,
            OSError,
        ) as exc:
            raise reject("file_corrupt", detail=type(exc).__name__) from exc
