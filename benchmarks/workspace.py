"""A throw-away warehouse and drop folder for one benchmark, selected through the environment."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from orchestration.settings import Paths, export_dbt_environment, paths

VARIABLES = ("PLANWATCH_HOME", "PLANWATCH_RAW", "PLANWATCH_BUILD_DB", "DBT_LOG_PATH")


@contextmanager
def workspace(name: str) -> Iterator[Paths]:
    """Point PLANWATCH_HOME and PLANWATCH_RAW (and dbt's logs) at a new temporary folder.

    The previous environment is restored and the folder deleted on exit.
    """
    root = Path(tempfile.mkdtemp(prefix=f"planwatch-bench-{name}-"))
    saved = {v: os.environ.get(v) for v in VARIABLES}
    os.environ["PLANWATCH_HOME"] = str(root / "warehouse")
    os.environ["PLANWATCH_RAW"] = str(root / "raw")
    os.environ["DBT_LOG_PATH"] = str(root / "dbt_logs")
    export_dbt_environment()
    where = paths()
    where.raw.mkdir(parents=True)
    where.warehouse.mkdir(parents=True)
    try:
        yield where
    finally:
        for variable, value in saved.items():
            if value is None:
                os.environ.pop(variable, None)
            else:
                os.environ[variable] = value
        shutil.rmtree(root, ignore_errors=True)
