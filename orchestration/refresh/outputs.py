"""Which reports and docs a refresh must re-write because they are older than the marts.

The report step records the names of the files it wrote in warehouse/reports/.written.json,
so that this is known without starting Dagster (the quick "nothing new" path reads it too).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from orchestration.refresh.skip import stale_outputs
from orchestration.settings import Paths, paths

WRITTEN = ".written.json"


def record_report_files(reports: Path, files: list[Path]) -> None:
    """Write the names of the files the last report run wrote (atomically, beside them)."""
    names = sorted(path.relative_to(reports).as_posix() for path in files)
    temporary = reports / f"{WRITTEN}.tmp"
    temporary.write_text(json.dumps(names, ensure_ascii=False), "utf-8")
    os.replace(temporary, reports / WRITTEN)


def last_report_files(where: Paths) -> list[str]:
    """The file names the latest report run wrote ([] when unknown: the index stands for them)."""
    try:
        names = json.loads((where.reports / WRITTEN).read_text("utf-8"))
    except (OSError, ValueError):
        return []
    return [str(name) for name in names] if isinstance(names, list) else []


def stale(where: Paths | None = None) -> list[str]:
    """Reports and docs under the warehouse that are missing or older than the marts."""
    where = where or paths()
    return stale_outputs(where, last_report_files(where))
