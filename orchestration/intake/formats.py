"""Recognise a submitted file's real format and read it into sheets of numbered rows."""

from __future__ import annotations

from pathlib import PurePath

from orchestration.intake import csvfile, xlsx
from orchestration.intake.reading import DEFAULT_LIMITS, Limits, Sheet, reject

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
ACCEPTED = (".xlsx", ".csv")


def sniff(data: bytes) -> str:
    """What the bytes really are: xlsx (zip), ole (encrypted or legacy Office) or text."""
    if data.startswith(ZIP_MAGIC):
        return "zip"
    if data.startswith(OLE_MAGIC):
        return "encrypted" if ENCRYPTED_STREAM in data else "ole"
    return "text"


def read_file(data: bytes, file_name: str, limits: Limits = DEFAULT_LIMITS) -> list[Sheet]:
    """Sheets of a submitted .xlsx or .csv file, or FileRejected with the reason."""
    ext = PurePath(file_name).suffix.lower()
    if ext == ".xls":
        raise reject("legacy_xls")
    if ext not in ACCEPTED:
        raise reject("unsupported_extension", ext=ext or "(无扩展名 none)")
    if not data:
        raise reject("file_empty")
    if len(data) > limits.max_bytes:
        raise reject("file_too_large", size=len(data), limit=limits.max_bytes)
    kind = sniff(data)
    if kind == "encrypted":
        raise reject("workbook_encrypted")
    if ext == ".xlsx":
        if kind == "ole":
            raise reject("legacy_xls")
        if kind != "zip":
            raise reject("file_corrupt", detail="不是 xlsx 工作簿 not an xlsx workbook")
        return xlsx.read(data, limits)
    if kind != "text":
        actual = "Excel 工作簿" if kind in ("zip", "ole") else kind
        raise reject("extension_mismatch", actual=actual, actual_en="an Excel workbook", ext=ext)
    return [csvfile.read(data, limits)]
