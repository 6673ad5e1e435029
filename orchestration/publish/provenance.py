"""Facts about a refresh that the published file carries about itself."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import duckdb

from orchestration.settings import REPO_ROOT
from orchestration.sql import has_table


def code_version() -> str:
    """The git commit of the running code, or 'unknown' outside a git checkout."""
    try:
        result = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=REPO_ROOT, capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return result.stdout.strip()


def submissions_included(build_db: Path) -> dict[str, Any]:
    """Counts of logged submissions by status, and the latest accepted one."""
    with duckdb.connect(str(build_db), read_only=True) as con:
        if not has_table(con, "raw", "submission_log"):
            return {"by_status": {}, "latest_accepted_at": None}
        by_status = dict(
            con.execute(
                "select status, count(*) from raw.submission_log group by status order by status"
            ).fetchall()
        )
        latest = con.execute(
            "select max(received_at) from raw.submission_log where status = 'accepted'"
        ).fetchone()[0]
    return {"by_status": by_status, "latest_accepted_at": latest and latest.isoformat()}
