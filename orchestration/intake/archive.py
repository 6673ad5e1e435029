"""Land an arriving file byte for byte under the warehouse, named by its sha256."""

from __future__ import annotations

import hashlib
import os
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

CHUNK = 1 << 20


class FileChanging(Exception):
    """The file changed while it was being copied (still being written); try again later."""


@dataclass(frozen=True)
class Landed:
    """The archived copy: its hash, size and path relative to the landing folder."""

    sha256: str
    size: int
    relative_path: str


def _suffix(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix) else ""


def land(source: Path, landing: Path) -> Landed:
    """Copy source to landing/<sha[:2]>/<sha><suffix> atomically; an existing copy is kept."""
    landing.mkdir(parents=True, exist_ok=True)
    before = os.stat(source)
    digest = hashlib.sha256()
    temporary = landing / f".incoming-{uuid.uuid4().hex}"
    try:
        with open(source, "rb") as reader, open(temporary, "wb") as writer:
            while chunk := reader.read(CHUNK):
                digest.update(chunk)
                writer.write(chunk)
            writer.flush()
            os.fsync(writer.fileno())
        after = os.stat(source)
        if (before.st_size, before.st_mtime_ns) != (after.st_size, after.st_mtime_ns):
            raise FileChanging(str(source))
        sha = digest.hexdigest()
        relative = f"{sha[:2]}/{sha}{_suffix(source.name)}"
        target = landing / relative
        target.parent.mkdir(exist_ok=True)
        if target.exists() and target.stat().st_size == after.st_size:
            temporary.unlink()
        else:
            os.replace(temporary, target)
        return Landed(sha, after.st_size, relative)
    finally:
        temporary.unlink(missing_ok=True)
