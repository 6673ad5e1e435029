"""SYNTHETIC hostile workbooks, zip members written by hand: tiny files that cost a naive
reader minutes or gigabytes (shared strings, styles, formatted-but-empty or very wide rows),
and a plain small workbook to compare them with. `scale` shrinks them for quick runs."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from samples.period import START

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEADER = ("指标代码", "年份", "数值")
ROWS = (("I01", str(START), "330"), ("I02", str(START), "52000"))
EXCEL_ROWS, EXCEL_COLS = 1_048_576, 16_384
Members = dict[str, Callable[[], Iterator[bytes]]]


def part(text: str) -> Callable[[], Iterator[bytes]]:
    return lambda: iter([text.encode()])


def _inline(ref: str, value: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'


def data_rows() -> str:
    """A header and two indicator rows (SYNTHETIC), as inline-string cells."""
    rows = [HEADER, *ROWS]
    return "".join(
        f'<row r="{n}">'
        + "".join(_inline(f"{c}{n}", v) for c, v in zip("ABC", r, strict=True))
        + "</row>"
        for n, r in enumerate(rows, 1)
    )


def _sheet(*parts: Callable[[], Iterator[bytes]] | str) -> Callable[[], Iterator[bytes]]:
    def chunks() -> Iterator[bytes]:
        yield f'<?xml version="1.0"?><worksheet xmlns="{MAIN}"><sheetData>'.encode()
        for part in parts:
            yield from ([part.encode()] if isinstance(part, str) else part())
        yield b"</sheetData></worksheet>"

    return chunks


def package(
    sheet: Callable[[], Iterator[bytes]], **extra: Callable[[], Iterator[bytes]]
) -> Members:
    """The members of a one-sheet workbook; extra maps part names (under xl/) to their bytes."""
    types = "".join(
        f'<Override PartName="/{name}" ContentType="application/xml"/>'
        for name in ("xl/workbook.xml", "xl/worksheets/sheet1.xml")
    )
    related = {"styles.xml": "styles", "sharedStrings.xml": "sharedStrings"}
    links = "".join(
        f'<Relationship Id="rId{i}" Type="{DOC}/{related[name]}" Target="{name}"/>'
        for i, name in enumerate(sorted(extra), 2)
    )
    return {
        "[Content_Types].xml": part(
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Default Extension="rels" ContentType="application/xml"/>{types}</Types>'
        ),
        "_rels/.rels": part(
            f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" '
            f'Type="{DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": part(
            f'<workbook xmlns="{MAIN}" xmlns:r="{DOC}"><sheets>'
            '<sheet name="指标" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": part(
            f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{DOC}/worksheet" '
            f'Target="worksheets/sheet1.xml"/>{links}</Relationships>'
        ),
        "xl/worksheets/sheet1.xml": sheet,
        **{f"xl/{name}": chunks for name, chunks in extra.items()},
    }


def _repeat(
    piece: str, count: int, head: str = "", tail: str = ""
) -> Callable[[], Iterator[bytes]]:
    def chunks() -> Iterator[bytes]:
        yield head.encode()
        block, left = piece.encode() * 10_000, count
        while left >= 10_000:
            yield block
            left -= 10_000
        yield piece.encode() * left + tail.encode()

    return chunks


def plain() -> Members:
    """The baseline: a valid three-row workbook."""
    return package(_sheet(data_rows()))


def shared_strings(count: int, declared: bool = True) -> Members:
    """A valid sheet, but a shared-string table of `count` empty strings (11 M fit in about
    450 KB zipped); declared says so in uniqueCount, else only reading finds out."""
    attrs = f' count="{count}" uniqueCount="{count}"' if declared else ""
    table = _repeat("<si><t></t></si>", count, f'<sst xmlns="{MAIN}"{attrs}>', "</sst>")
    return package(_sheet(data_rows()), **{"sharedStrings.xml": table})


def styles(fonts: int) -> Members:
    """A valid sheet with a styles part padded with `fonts` fonts."""
    padded = _repeat(
        '<font><sz val="11"/></font>',
        fonts,
        f'<styleSheet xmlns="{MAIN}"><fonts>',
        '</fonts><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>',
    )
    return package(_sheet(data_rows()), **{"styles.xml": padded})


def cell_formats(count: int) -> Members:
    """A styles part with `count` cell formats (Excel itself stops at 64,000)."""
    many = _repeat(
        '<xf numFmtId="0"/>',
        count,
        f'<styleSheet xmlns="{MAIN}"><cellXfs>',
        "</cellXfs></styleSheet>",
    )
    return package(_sheet(data_rows()), **{"styles.xml": many})


def formatted_empty_rows(count: int) -> Members:
    """Three rows of data, then `count` rows each holding one formatted, empty cell."""
    rows = lambda: (  # noqa: E731
        f'<row r="{n}"><c r="A{n}" s="0"/></row>'.encode() for n in range(4, 4 + count)
    )
    return package(_sheet(data_rows(), rows))


def last_row_formatted() -> Members:
    """Three rows of data and one formatted, empty cell in Excel's last row."""
    return package(_sheet(data_rows(), f'<row r="{EXCEL_ROWS}"><c r="A{EXCEL_ROWS}" s="0"/></row>'))


def wide_rows(rows: int, columns: int = EXCEL_COLS) -> Members:
    """Data, then `rows` rows of `columns` formatted, empty cells each (no value)."""

    def chunks() -> Iterator[bytes]:
        for n in range(4, 4 + rows):
            yield f'<row r="{n}">'.encode() + b'<c s="0"/>' * columns + b"</row>"

    return package(_sheet(data_rows(), chunks))


def corner_value() -> Members:
    """Data, and one value in the last cell of the sheet (XFD1048576)."""
    return package(
        _sheet(data_rows(), f'<row r="{EXCEL_ROWS}"><c r="XFD{EXCEL_ROWS}"><v>1</v></c></row>')
    )


def cases(scale: float = 1.0) -> dict[str, Members]:
    """Every hostile workbook at a size (1.0: the sizes seen in the wild), and the baseline."""
    size = lambda n: max(int(n * scale), 1)  # noqa: E731
    return {
        "plain_small_workbook": plain(),
        "shared_strings_11m": shared_strings(size(11_000_000)),
        "shared_strings_undeclared": shared_strings(size(2_000_000), declared=False),
        "styles_100mb": styles(size(4_000_000)),
        "cell_formats_100k": cell_formats(size(100_000)),
        "formatted_empty_rows": formatted_empty_rows(size(EXCEL_ROWS - 3)),
        "last_row_formatted": last_row_formatted(),
        "wide_formatted_rows": wide_rows(size(200)),
        "value_in_last_cell": corner_value(),
    }


def write(path: Path, members: Members) -> Path:
    """Write the members to a zip, streaming each so that no member is held whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, chunks in members.items():
            with archive.open(name, "w", force_zip64=True) as member:
                for chunk in chunks():
                    member.write(chunk)
    return path
