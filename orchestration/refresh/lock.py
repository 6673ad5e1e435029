"""One refresh at a time: an OS lock (flock) on warehouse/refresh.lock, held for a whole run.

The kernel drops the lock when its process ends, however it ends, so a killed refresh
never leaves a stale lock behind. The file also says who holds it (pid, run, since when)
for the message a second refresh prints and for `planwatch status`.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

# A refresh that finds the lock taken tries again for this long before giving up, so a
# `planwatch status` probing the lock at the same instant never turns it away.
GRACE_SECONDS = 2.0
# Exit status of a command that did not start because a refresh is running (EX_TEMPFAIL).
BUSY = 75
POLL_SECONDS = 0.5

_held: dict[Path, int] = {}


@dataclass(frozen=True)
class Holder:
    """Who holds the refresh lock, as it wrote itself into the lock file."""

    pid: int | None
    since: str | None
    run_id: str | None

    def describe(self) -> str:
        parts = [f"pid {self.pid}" if self.pid else "pid unknown"]
        if self.run_id:
            parts.append(f"run {self.run_id}")
        if self.since:
            parts.append(f"since {self.since}")
        return ", ".join(parts)


class RefreshBusy(RuntimeError):
    """Another process is refreshing this warehouse."""

    def __init__(self, lock: Path, holder: Holder | None) -> None:
        self.holder = holder
        who = holder.describe() if holder else "holder unknown"
        super().__init__(
            f"另一次刷新正在运行（{who}），本次未启动。 / Another refresh of this warehouse is "
            f"running ({who}); this one did not start. Wait for it to finish (`planwatch "
            f"status` shows it), then run again. Lock: {lock}"
        )


def _read(path: Path) -> Holder | None:
    try:
        facts = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return None
    return Holder(facts.get("pid"), facts.get("since"), facts.get("run_id"))


def _write(fd: int, run_id: str | None, since: str | None = None) -> None:
    since = since or datetime.now(UTC).isoformat(timespec="seconds")
    facts = {"pid": os.getpid(), "since": since, "run_id": run_id}
    os.ftruncate(fd, 0)
    os.pwrite(fd, json.dumps(facts).encode(), 0)


def holder(path: Path) -> Holder | None:
    """Who holds the lock now, or None when no process holds it."""
    if path in _held:
        return _read(path)
    if not path.exists():
        return None
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return _read(path) or Holder(None, None, None)
    finally:
        os.close(fd)
    return None


@contextmanager
def refresh_lock(
    path: Path, *, wait: float = GRACE_SECONDS, run_id: str | None = None
) -> Iterator[None]:
    """Hold the refresh lock for the block; RefreshBusy if another process keeps it `wait` s.

    Re-entrant within one process: the command line takes it before preparing dbt, the
    run it starts takes it again (and records its run id) without waiting for itself.
    """
    if path in _held:
        if run_id:
            taken = _read(path)
            _write(_held[path], run_id, taken.since if taken else None)
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() >= deadline:
                os.close(fd)
                raise RefreshBusy(path, _read(path)) from None
            time.sleep(POLL_SECONDS)
    _write(fd, run_id)
    _held[path] = fd
    try:
        yield
    finally:
        del _held[path]
        os.ftruncate(fd, 0)
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
