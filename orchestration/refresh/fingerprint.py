"""What a published version was built from, so a refresh with nothing new can skip the rebuild."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import duckdb

from orchestration.settings import BUILD_INPUTS, REPO_ROOT
from orchestration.sql import has_table

SOURCE_SUFFIXES = {".sql", ".yml", ".yaml", ".csv", ".json", ".py", ".html", ".css", ".j2", ".js"}


def _source_files() -> list[Path]:
    files: list[Path] = []
    for root in BUILD_INPUTS:
        candidates = [root] if root.is_file() else sorted(root.rglob("*"))
        files += [p for p in candidates if p.is_file() and p.suffix in SOURCE_SUFFIXES]
    return files


def _hash_sources(digest: hashlib._Hash) -> None:
    for path in _source_files():
        digest.update(str(path.relative_to(REPO_ROOT)).encode())
        digest.update(path.read_bytes())


def code_fingerprint() -> str:
    """Hash of the files that shape the marts (settings.BUILD_INPUTS): code and reference data."""
    digest = hashlib.sha256()
    _hash_sources(digest)
    return digest.hexdigest()


def input_fingerprint(build_db: Path) -> str:
    """Hash of the files that shape the marts (settings.BUILD_INPUTS) plus every logged
    submission event and steward action in the build database (none: as before actions)."""
    digest = hashlib.sha256()
    _hash_sources(digest)
    if build_db.exists():
        with duckdb.connect(str(build_db), read_only=True) as con:
            if has_table(con, "raw", "submission_log"):
                rows = con.execute(
                    "select submission_id, status from raw.submission_log order by submission_id"
                ).fetchall()
                digest.update(repr(rows).encode())
            if has_table(con, "raw", "steward_action"):
                actions = con.execute(
                    "select action_id from raw.steward_action order by action_id"
                ).fetchall()
                if actions:
                    digest.update(repr(actions).encode())
    return digest.hexdigest()


def published_fingerprint(marts_db: Path) -> str | None:
    """The fingerprint recorded in the published file, or None if there is none."""
    if not marts_db.exists():
        return None
    with duckdb.connect(str(marts_db), read_only=True) as con:
        row = con.execute(
            "select value from refresh_provenance where item = 'input_fingerprint'"
        ).fetchone()
    return row[0] if row else None


def noted_code(path: Path) -> str | None:
    """The code fingerprint noted in `path` (None when there is none)."""
    try:
        return path.read_text("utf-8").strip()
    except OSError:
        return None


def note_code(path: Path, code: str) -> None:
    """Note a code fingerprint in `path`, atomically."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(code, "utf-8")
    os.replace(temporary, path)
