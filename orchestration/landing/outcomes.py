"""The rows intake wrote for each submission, kept beside the bytes in landing/outcomes/, so
a rebuild writes exactly them again, whatever today's rules or reference data would decide
(re-reading under today's rules is a steward's reprocess, recorded as such)."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import uuid
from pathlib import Path

from orchestration.landing.ledger import LedgerDamaged, fsync_directory

Tables = dict[str, list[dict[str, str | None]]]
FOLDER = "outcomes"


def save(landing: Path, submission_id: str, tables: Tables) -> tuple[str, str]:
    """Write one submission's rows (as text, by table) durably; (path under landing, sha256)."""
    relative = f"{FOLDER}/{submission_id[:6]}/{submission_id}.json.gz"
    target = landing / relative
    created = [d for d in (target.parent, target.parent.parent) if not d.exists()]
    target.parent.mkdir(parents=True, exist_ok=True)
    for folder in reversed(created):
        fsync_directory(folder.parent)
    text = json.dumps(tables, ensure_ascii=False, sort_keys=True)
    data = gzip.compress(text.encode("utf-8"), mtime=0)
    temporary = target.with_name(f".{uuid.uuid4().hex}.tmp")
    try:
        with temporary.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    fsync_directory(target.parent)
    return relative, hashlib.sha256(data).hexdigest()


def load(landing: Path, relative: str, sha256: str) -> Tables:
    """The rows saved for a submission, checked against the sha256 its decision recorded."""
    try:
        data = (landing / relative).read_bytes()
    except OSError as exc:
        raise LedgerDamaged(f"landing/{relative} cannot be read: {exc}") from exc
    if hashlib.sha256(data).hexdigest() != sha256:
        raise LedgerDamaged(f"landing/{relative} no longer has sha256 {sha256}")
    tables: Tables = json.loads(gzip.decompress(data))
    return tables
