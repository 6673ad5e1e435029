"""Read a CSV submission: UTF-8 with or without BOM, UTF-16 with BOM, or GBK/GB18030."""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter

from orchestration.intake.reading import Limits, Sheet, reject

DELIMITERS = (",", "\t", ";", "|")
SNIFF_LINES = 30


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read with; GBK is read as its superset GB18030."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise reject("encoding_unknown")


def delimiter(text: str) -> str:
    """The separator that splits the first records most consistently, quotes respected (a
    ";" inside a quoted note does not count): the one giving the most records with the same
    number of fields, two or more; comma when in doubt."""
    head = "\n".join(text.splitlines()[:SNIFF_LINES])
    best, best_score = ",", 0
    for candidate in DELIMITERS:
        widths = [len(r) for r in csv.reader(io.StringIO(head), delimiter=candidate) if any(r)]
        common = Counter(w for w in widths if w > 1).most_common(1)
        score = common[0][1] if common else 0
        if score > best_score:
            best, best_score = candidate, score
    return best


def read(data: bytes, limits: Limits) -> Sheet:
    """The CSV's non-empty records, each numbered by the line it starts on."""
    try:
        text, _ = decode(data)
    except UnicodeDecodeError as exc:
        raise reject("encoding_unknown") from exc
    if "\x00" in text:
        raise reject("file_corrupt", detail="含二进制零字节 binary NUL bytes")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(text))
    sheet, line = Sheet(None), 1
    try:
        for record in reader:
            cells: list[object] = list(record[: limits.max_cols])
            beyond = next((i for i, c in enumerate(record[limits.max_cols :]) if c.strip()), None)
            if beyond is not None:
                number = limits.max_cols + beyond + 1
                raise reject("too_many_columns", row=line, number=number, limit=limits.max_cols)
            if record and record[0].lstrip().startswith("#"):
                # A comment line is a title, one cell: its commas do not make group cells.
                cells = [reader.dialect.delimiter.join(record)]
            if any(c.strip() for c in record):
                if len(sheet.rows) >= limits.max_rows:
                    raise reject("too_many_rows", limit=limits.max_rows)
                sheet.rows.append((line, cells))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise reject("file_corrupt", detail=str(exc)) from exc
    return sheet
