"""Land an arriving file byte for byte under the warehouse, named by its sha256, durably.

An error reading the source is the file's (raised as OSError, logged as unreadable); an
error writing the landing archive is the machine's (raised as LandingFailed, which stops
intake), because a file intake cannot archive must not be read at all.
"""

from __future__ import annotations

import hashlib
import os
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from orchestration.landing.ledger import fsync_directory

CHUNK = 1 << 20
T = TypeVar("T")


class FileChanging(Exception):
    """The file changed while it was being copied (still being written); try again later."""


class LandingFailed(Exception):
    """The landing archive could not be written or read back (disk full, lost bytes)."""


@dataclass(frozen=True)
class Landed:
    """The archived copy: its hash, size and path relative to the landing folder."""

    sha256: str
    size: int
    relative_path: str


def _suffix(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix) else ""


def _landing(step: Callable[[], T]) -> T:
    """Run one write step on the landing archive; its OSError is the machine's fault."""
    try:
        return step()
    except OSError as exc:
        raise LandingFailed(f"cannot write the landing archive: {exc}") from exc


def _copy(source: Path, temporary: Path) -> str:
    """Copy source to temporary, fsynced; the sha256 of what was copied."""
    digest = hashlib.sha256()
    with open(source, "rb") as reader, _landing(lambda: temporary.open("wb")) as writer:
        while chunk := reader.read(CHUNK):
            digest.update(chunk)
            _landing(lambda c=chunk: writer.write(c))
        _landing(writer.flush)
        _landing(lambda: os.fsync(writer.fileno()))
    return digest.hexdigest()


def land(source: Path, landing: Path) -> Landed:
    """Copy source to landing/<sha[:2]>/<sha><suffix> atomically; an existing copy is kept."""
    _landing(lambda: landing.mkdir(parents=True, exist_ok=True))
    before = os.stat(source)
    temporary = landing / f".incoming-{uuid.uuid4().hex}"
    try:
        sha = _copy(source, temporary)
        after = os.stat(source)
        if (before.st_size, before.st_mtime_ns) != (after.st_size, after.st_mtime_ns):
            raise FileChanging(str(source))
        relative = f"{sha[:2]}/{sha}{_suffix(source.name)}"
        target = landing / relative
        if not target.parent.exists():
            _landing(lambda: target.parent.mkdir(exist_ok=True))
            _landing(lambda: fsync_directory(landing))
        if not (target.exists() and target.stat().st_size == after.st_size):
            _landing(lambda: os.replace(temporary, target))
            _landing(lambda: fsync_directory(target.parent))
        return Landed(sha, after.st_size, relative)
    finally:
        temporary.unlink(missing_ok=True)


def read_landed(landing: Path, relative_path: str, sha256: str) -> bytes:
    """The archived bytes of a submission, checked against their sha256."""
    try:
        data = (landing / relative_path).read_bytes()
    except OSError as exc:
        raise LandingFailed(f"cannot read landing/{relative_path}: {exc}") from exc
    if hashlib.sha256(data).hexdigest() != sha256:
        raise LandingFailed(f"landing/{relative_path} no longer has sha256 {sha256}")
    return data
