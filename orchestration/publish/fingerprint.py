"""What a published version was built from, so a refresh with nothing new can skip the rebuild."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

from orchestration.publish.publish import has_table
from orchestration.settings import DBT_PROJECT_DIR, EXPECTATIONS_DIR, REPO_ROOT

SOURCE_ROOTS = (
    DBT_PROJECT_DIR / "models",
    DBT_PROJECT_DIR / "seeds",
    DBT_PROJECT_DIR / "macros",
    DBT_PROJECT_DIR / "tests",
    DBT_PROJECT_DIR / "dbt_project.yml",
    EXPECTATIONS_DIR,
    REPO_ROOT / "orchestration" / "audit",
    REPO_ROOT / "orchestration" / "publish",
    REPO_ROOT / "reports",
)
SOURCE_SUFFIXES = {".sql", ".yml", ".yaml", ".csv", ".json", ".py", ".html", ".css"}


def _source_files() -> list[Path]:
    files: list[Path] = []
    for root in SOURCE_ROOTS:
        candidates = [root] if root.is_file() else sorted(root.rglob("*"))
        files += [p for p in candidates if p.is_file() and p.suffix in SOURCE_SUFFIXES]
    return files


def input_fingerprint(build_db: Path) -> str:
    """Hash of what shapes the marts (dbt project, suites, audit, publish and report code,
    reference data) plus every logged submission event; intake code is left out because
    a change there only matters to files that arrive later."""
    digest = hashlib.sha256()
    for path in _source_files():
        digest.update(str(path.relative_to(REPO_ROOT)).encode())
        digest.update(path.read_bytes())
    if build_db.exists():
        with duckdb.connect(str(build_db), read_only=True) as con:
            if has_table(con, "raw", "submission_log"):
                rows = con.execute(
                    "select submission_id, status from raw.submission_log order by submission_id"
                ).fetchall()
                digest.update(repr(rows).encode())
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
