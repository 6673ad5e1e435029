"""Read an .xlsx workbook safely: bounded unpacked size, rows and columns; % formats kept."""

from __future__ import annotations

import io
import warnings
import zipfile
from decimal import Decimal

from orchestration.intake.reading import Limits, Sheet, reject


def _check_archive(data: bytes, limits: Limits) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise reject("file_corrupt", detail=str(exc)) from exc
    unpacked = sum(m.file_size for m in members)
    if unpacked > limits.max_unpacked:
        raise reject("workbook_too_large", size=unpacked, limit=limits.max_unpacked)
    if not any(m.filename == "xl/workbook.xml" for m in members):
        raise reject("file_corrupt", detail="缺少 xl/workbook.xml, not an Excel workbook")


def _cell_value(cell: object) -> object:
    """The cell value; a number formatted as a percentage becomes text such as 61.5%."""
    value = getattr(cell, "value", None)
    fmt = getattr(cell, "number_format", None) or ""
    if isinstance(value, int | float) and not isinstance(value, bool) and "%" in fmt:
        number = (Decimal(repr(value)) * 100).normalize()
        return f"{number:f}%"
    return value


def read(data: bytes, limits: Limits) -> list[Sheet]:
    """Every worksheet's non-empty rows, numbered as Excel numbers them."""
    import openpyxl

    _check_archive(data, limits)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        raise reject("file_corrupt", detail=type(exc).__name__) from exc
    try:
        worksheets = [ws for ws in book.worksheets if hasattr(ws, "iter_rows")]
        if len(worksheets) > limits.max_sheets:
            raise reject("too_many_sheets", limit=limits.max_sheets)
        sheets, total = [], 0
        for ws in worksheets:
            sheet = Sheet(ws.title, hidden=ws.sheet_state != "visible")
            for number, row in enumerate(ws.iter_rows(min_row=1, max_col=limits.max_cols), 1):
                cells = [_cell_value(c) for c in row]
                if any(v is not None and str(v).strip() for v in cells):
                    total += 1
                    sheet.rows.append((number, cells))
                # blank but formatted rows count too, with slack, so none can stall the run
                if total > limits.max_rows or number > 10 * limits.max_rows:
                    raise reject("too_many_rows", limit=limits.max_rows)
            sheets.append(sheet)
        return sheets
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise reject("file_corrupt", detail=type(exc).__name__) from exc
    finally:
        book.close()
