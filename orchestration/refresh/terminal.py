"""A quiet terminal for `planwatch refresh`: progress lines on screen, everything in a log file.

While the refresh runs, whatever Dagster, dbt, Great Expectations or Python warnings
write to stdout or stderr goes to warehouse/logs/refresh-<run>.log; only the
`planwatch.progress` lines reach the terminal (and the log). The newest logs are kept.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from pathlib import Path

from orchestration.refresh.progress import LOGGER

KEEP_LOGS = 50


def _prune(folder: Path) -> None:
    logs = sorted(folder.glob("refresh-*.log"), key=lambda path: path.stat().st_mtime)
    for old in logs[:-KEEP_LOGS]:
        old.unlink(missing_ok=True)


@contextmanager
def quiet_terminal(log_path: Path) -> Iterator[None]:
    """Send stdout and stderr to `log_path` for the block; progress lines also to the screen."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    screen = logging.StreamHandler(sys.stdout)
    screen.setFormatter(logging.Formatter("%(message)s"))
    with open(log_path, "a", encoding="utf-8", buffering=1) as log:
        kept = logging.StreamHandler(log)
        kept.setFormatter(logging.Formatter("%(asctime)s planwatch %(message)s"))
        handlers = [screen, kept]
        for handler in handlers:
            LOGGER.addHandler(handler)
        LOGGER.setLevel(logging.INFO)
        LOGGER.propagate = False
        try:
            with redirect_stdout(log), redirect_stderr(log):
                yield
        except Exception:
            traceback.print_exc(file=log)
            raise
        finally:
            for handler in handlers:
                LOGGER.removeHandler(handler)
            LOGGER.propagate = True
    _prune(log_path.parent)
