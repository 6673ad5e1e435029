"""Streaming readers for the XML parts of an .xlsx workbook (SpreadsheetML), built on expat.

Every part is read in chunks and never held whole; element names are taken without their
namespace prefix (Strict and Transitional files read alike); a DOCTYPE is refused, so no
entity can expand.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import IO, Any
from xml.parsers import expat

from orchestration.intake.reading import Uncomputed

CHUNK = 1 << 16
EPOCH_1900, EPOCH_1904 = dt.datetime(1899, 12, 30), dt.datetime(1904, 1, 1)
# Built-in number formats that show a date or time: the common ones and the East Asian
# (zh-CN) ones such as 27 = yyyy"年"m"月".
DATE_FORMAT_IDS = {*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)}
PERCENT_FORMAT_IDS = {9, 10}
_LITERALS = re.compile(r'"[^"]*"|\[(?![hms]+\])[^\]]*\]', re.IGNORECASE)
_DATE_PART = re.compile(r"(?<![_\\])[dmhys]", re.IGNORECASE)
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


class Refused(ValueError):
    """A part that is not plain SpreadsheetML (a DOCTYPE, or a count over its limit)."""


class TooMany(Refused):
    """A part holds more of something than its limit allows."""

    def __init__(self, what: str, count: int, limit: int) -> None:
        super().__init__(f"{what} {count} > {limit}")
        self.what, self.count, self.limit = what, count, limit


def _local(name: str) -> str:
    return name[name.find(":") + 1 :]


def _no_doctype(*_: object) -> None:
    raise Refused("DOCTYPE")


def _parser(start: Callable[..., None], end: Callable[[str], None] | None = None) -> Any:
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.StartDoctypeDeclHandler = _no_doctype
    parser.EntityDeclHandler = _no_doctype
    parser.StartElementHandler = start
    if end is not None:
        parser.EndElementHandler = end
    return parser


def feed(
    parser: Any, stream: IO[bytes], sift: Callable[[bytes], bytes] | None = None
) -> Iterator[None]:
    """Parse the stream chunk by chunk, yielding after each chunk (for streaming readers);
    sift, if given, rewrites the text before each chunk's last "<" (never splitting a tag)."""
    carry = b""
    while chunk := stream.read(CHUNK):
        if sift is not None:
            chunk = carry + chunk
            cut = chunk.rfind(b"<")
            chunk, carry = sift(chunk[:cut]), chunk[cut:]
        parser.Parse(chunk, False)
        yield
    parser.Parse(carry, True)


# Cells and rows that hold nothing (a format only) and say where they are: dropped before
# parsing, so that a million formatted-but-empty cells cost a regular expression, not a
# million parser callbacks. Without an r attribute a cell's place is its order: kept.
_EMPTY_CELL = re.compile(
    rb'<(?:\w+:)?c\s[^<>]*?\br="[A-Z]+\d+"[^<>]*?(?:/>|(?<!/)>\s*</(?:\w+:)?c>)'
)
_EMPTY_ROW = re.compile(rb'<(?:\w+:)?row\s[^<>]*?\br="\d+"[^<>]*?(?:/>|(?<!/)>\s*</(?:\w+:)?row>)')


def sift_empty(text: bytes) -> bytes:
    """The sheet text without its empty, located cells and rows (left as it is where it has
    CDATA, whose text could look like a cell)."""
    if b"<![CDATA[" in text:
        return text
    return _EMPTY_ROW.sub(b"", _EMPTY_CELL.sub(b"", text))


def parse(parser: Any, stream: IO[bytes]) -> None:
    for _ in feed(parser, stream):
        pass


def unescape(text: str) -> str:
    """Decode Excel's _xHHHH_ escapes (e.g. _x000D_ is a carriage return)."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def relationships(stream: IO[bytes]) -> dict[str, tuple[str, str]]:
    """A .rels part: relationship id -> (type's last path segment, target)."""
    found: dict[str, tuple[str, str]] = {}

    def start(name: str, attrs: dict[str, str]) -> None:
        if _local(name) == "Relationship":
            kind = attrs.get("Type", "").rsplit("/", 1)[-1]
            found[attrs.get("Id", "")] = (kind, attrs.get("Target", ""))

    parse(_parser(start), stream)
    return found


def workbook(stream: IO[bytes]) -> tuple[list[tuple[str, str, str]], bool]:
    """The workbook part: its sheets as (name, relationship id, state), and the 1904 flag."""
    sheets: list[tuple[str, str, str]] = []
    flags = {"date1904": False}

    def start(name: str, attrs: dict[str, str]) -> None:
        tag = _local(name)
        if tag == "sheet":
            rid = next((v for k, v in attrs.items() if _local(k) == "id"), "")
            sheets.append((attrs.get("name", ""), rid, attrs.get("state", "visible")))
        elif tag == "workbookPr":
            flags["date1904"] = attrs.get("date1904", "0").lower() in ("1", "true")

    parse(_parser(start), stream)
    return sheets, flags["date1904"]


def format_kind(code: str) -> str | None:
    """date, percent or None for a number format code (first section only, literals aside)."""
    plain = _LITERALS.sub("", code.split(";")[0])
    if _DATE_PART.search(plain) and not re.fullmatch(r"(?i)general", plain.strip()):
        return "date"
    return "percent" if "%" in code else None


def cell_formats(stream: IO[bytes], limit: int) -> list[str | None]:
    """The styles part: for each cell format (cellXfs entry) whether it shows a date or %."""
    codes: dict[int, str] = {}
    kinds: list[str | None] = []
    depth = {"cellXfs": 0}

    def start(name: str, attrs: dict[str, str]) -> None:
        tag = _local(name)
        if tag == "numFmt":
            codes[int(attrs.get("numFmtId", "0"))] = attrs.get("formatCode", "")
        elif tag == "cellXfs":
            depth["cellXfs"] += 1
        elif tag == "xf" and depth["cellXfs"]:
            if len(kinds) >= limit:
                raise TooMany("cellXfs", len(kinds) + 1, limit)
            number = int(attrs.get("numFmtId", "0"))
            if number in codes:
                kinds.append(format_kind(codes[number]))
            elif number in DATE_FORMAT_IDS:
                kinds.append("date")
            else:
                kinds.append("percent" if number in PERCENT_FORMAT_IDS else None)

    def end(name: str) -> None:
        if _local(name) == "cellXfs":
            depth["cellXfs"] -= 1

    parse(_parser(start, end), stream)
    return kinds


class _Texts:
    """Collects the text of <t> elements outside phonetic runs, for strings and inline cells."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.capture = False
        self.phonetic = 0

    def text(self, data: str) -> None:
        if self.capture:
            self.parts.append(data)

    def take(self) -> str:
        value = unescape("".join(self.parts))
        self.parts.clear()
        return value


def shared_strings(stream: IO[bytes], limit: int) -> list[str]:
    """The shared strings part, refused as soon as it holds more than limit strings (its
    declared uniqueCount is checked first, then every string as it is read)."""
    strings: list[str] = []
    texts = _Texts()
    tags: dict[str, str] = {}

    def start(name: str, attrs: dict[str, str]) -> None:
        tag = tags.get(name) or tags.setdefault(name, _local(name))
        if tag == "t":
            texts.capture = not texts.phonetic
        elif tag == "rPh":
            texts.phonetic += 1
        elif tag == "sst":
            declared = attrs.get("uniqueCount", "0")
            if declared.isdigit() and int(declared) > limit:
                raise TooMany("uniqueCount", int(declared), limit)

    def end(name: str) -> None:
        tag = tags.get(name) or tags.setdefault(name, _local(name))
        if tag == "si":
            if len(strings) >= limit:
                raise TooMany("si", len(strings) + 1, limit)
            strings.append(texts.take() if texts.parts else "")
        elif tag == "t":
            texts.capture = False
        elif tag == "rPh":
            texts.phonetic -= 1

    parser = _parser(start, end)
    parser.CharacterDataHandler = texts.text
    parse(parser, stream)
    return strings


def excel_date(serial: float, date1904: bool) -> dt.datetime | dt.time | str:
    """A date serial as a datetime (a time of day below 1), as Excel shows it; Excel's
    phantom 29 February 1900 counts in the 1900 system."""
    day, fraction = divmod(serial, 1)
    since = dt.timedelta(milliseconds=round(fraction * 86_400_000))
    if 0 <= serial < 1 and since.days == 0:
        return (dt.datetime.min + since).time()
    if not date1904 and 0 < serial < 60:
        day += 1
    try:
        return (EPOCH_1904 if date1904 else EPOCH_1900) + dt.timedelta(days=day) + since
    except OverflowError:
        return "#VALUE!"


def _column(ref: str, letters: dict[str, int]) -> int:
    """The 0-based column of a reference such as AB12."""
    head = ref.rstrip("0123456789")
    index = letters.get(head)
    if index is None:
        index = 0
        for char in head.upper():
            index = index * 26 + ord(char) - 64
        letters[head] = index = index - 1
    return index


class WideRow(ValueError):
    """A value in a column beyond the limit: where it is."""

    def __init__(self, row: int, column: int) -> None:
        super().__init__(f"row {row} column {column + 1}")
        self.row, self.column = row, column


class SheetRows:
    """A worksheet part read row by row: iterate for (row number, cells) of the rows that hold
    a value; afterwards `merged` holds its merged ranges (first row, first col, last row,
    last col), at most the first 10,000, and `cells` the cell elements parsed (refused
    beyond max_cells; empty located ones are sifted out before and do not count)."""

    def __init__(
        self,
        stream: IO[bytes],
        strings: list[str],
        formats: list[str | None],
        date1904: bool,
        max_cols: int,
        max_cells: int,
    ) -> None:
        self.stream, self.strings, self.formats = stream, strings, formats
        self.date1904, self.max_cols, self.max_cells = date1904, max_cols, max_cells
        self.cells = 0
        self.merged: list[tuple[int, int, int, int]] = []
        self._letters: dict[str, int] = {}
        self._ready: list[tuple[int, list[object]]] = []
        self._row: dict[int, object] = {}
        self._number = 0
        self._column = -1
        self._cell: tuple[str, int] = ("n", 0)
        self._value: list[str] = []
        self._formula: list[str] | None = None
        self._in = ""
        self._texts = _Texts()
        self._merges: list[str] = []
        self._tags: dict[str, str] = {}
        self._dates: dict[int | float, object] = {}

    def __iter__(self) -> Iterator[tuple[int, list[object]]]:
        parser = _parser(self._start, self._end)
        parser.CharacterDataHandler = self._text
        for _ in feed(parser, self.stream, sift_empty):
            yield from self._ready
            self._ready.clear()
        yield from self._ready
        self._ready.clear()
        self._read_merges()

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        tag = self._tags.get(name) or self._tags.setdefault(name, _local(name))
        if tag == "c":
            self.cells += 1
            if self.cells > self.max_cells:
                raise TooMany("c", self.cells, self.max_cells)
            ref = attrs.get("r")
            self._column = _column(ref, self._letters) if ref else self._column + 1
            style = attrs.get("s")
            self._cell = (attrs.get("t", "n"), int(style) if style else 0)
            self._value.clear()
            self._formula = None
        elif tag == "v":
            self._in = "v"
        elif tag == "row":
            number = attrs.get("r")
            self._number = int(number) if number else self._number + 1
            self._column = -1
            self._row = {}
        elif tag == "f":
            self._in, self._formula = "f", []
        elif tag == "t":
            self._texts.capture = not self._texts.phonetic
        elif tag == "rPh":
            self._texts.phonetic += 1
        elif tag == "mergeCell" and len(self._merges) < 10_000:
            self._merges.append(attrs.get("ref", ""))

    def _text(self, data: str) -> None:
        if self._in == "v":
            self._value.append(data)
        elif self._in == "f" and self._formula is not None:
            self._formula.append(data)
        else:
            self._texts.text(data)

    def _end(self, name: str) -> None:
        tag = self._tags.get(name) or self._tags.setdefault(name, _local(name))
        if tag == "v" or tag == "f":
            self._in = ""
        elif tag == "c":
            value = self._cell_value()
            if value is not None:
                if self._column >= self.max_cols:
                    raise WideRow(self._number, self._column)
                self._row[self._column] = value
        elif tag == "row" and self._row:
            values = self._row
            # only text can be blank: numbers, dates and formulas always show something
            if any(v.__class__ is not str or v.strip() for v in values.values()):
                cells: list[object] = [None] * (max(values) + 1)
                for index, value in values.items():
                    cells[index] = value
                self._ready.append((self._number, cells))
        elif tag == "t":
            self._texts.capture = False
        elif tag == "rPh":
            self._texts.phonetic -= 1

    def _cell_value(self) -> object:
        kind, style = self._cell
        if kind == "inlineStr":
            return self._texts.take()
        text = "".join(self._value)
        if not text:
            return Uncomputed("".join(self._formula)[:200]) if self._formula is not None else None
        if kind == "n":
            number = float(text) if ("." in text or "e" in text or "E" in text) else int(text)
            shown = self.formats[style] if style < len(self.formats) else None
            if shown is None:
                return number
            if shown == "date":
                if number not in self._dates:
                    self._dates[number] = excel_date(number, self.date1904)
                return self._dates[number]
            return f"{(Decimal(repr(number)) * 100).normalize():f}%"
        if kind == "s":
            return self.strings[int(text)]
        if kind == "b":
            return text.strip() in ("1", "true")
        if kind == "d":
            return dt.datetime.fromisoformat(text)
        return unescape(text)  # str (a formula's text result), e (an error such as #N/A)

    def _read_merges(self) -> None:
        for ref in self._merges:
            first, _, last = ref.partition(":")
            if not first:
                continue
            top = int(first[len(first.rstrip("0123456789")) :] or 0)
            bottom = int(last[len(last.rstrip("0123456789")) :] or top) if last else top
            left = _column(first, self._letters)
            right = _column(last, self._letters) if last else left
            self.merged.append((top, left, bottom, right))
