"""What is waiting in the drop folder: one entry per file, links and odd entries included."""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from orchestration.settings import TIMEZONE

NOT_DEPARTMENTS = {"templates", "plan"}
EPOCH = dt.datetime(1970, 1, 1)
IGNORED_NAMES = {"readme.md", "readme.txt", ".gitkeep", "thumbs.db", "desktop.ini", ".ds_store"}


@dataclass(frozen=True)
class Entry:
    """A file in the drop folder, described without reading it (lstat: links are not followed)."""

    path: Path
    relative_path: str
    folder: str | None
    size: int
    mtime: dt.datetime
    problem: str | None = None


def safe_text(value: str) -> str:
    """A file name that may hold undecodable bytes, made storable as UTF-8."""
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def ignored(name: str) -> bool:
    """Office lock files, hidden files and folder clutter are not submissions."""
    return name.startswith((".", "~$")) or name.lower() in IGNORED_NAMES


def _entry(raw: Path, path: Path, folder: str | None) -> Entry:
    info = os.lstat(path)
    problem = None
    if stat.S_ISLNK(info.st_mode):
        target = path.resolve()
        inside = target.is_relative_to(raw) and (target.is_file() and not target.is_symlink())
        problem = "not_a_regular_file" if inside else "path_outside_drop_folder"
    elif not stat.S_ISREG(info.st_mode):
        problem = "not_a_regular_file"
    elif folder is None:
        problem = "no_department_folder"
    utc = EPOCH + dt.timedelta(microseconds=info.st_mtime_ns // 1000)
    mtime = utc.replace(tzinfo=dt.UTC).astimezone(ZoneInfo(TIMEZONE)).replace(tzinfo=None)
    relative = safe_text(path.relative_to(raw).as_posix())
    return Entry(path, relative, folder, info.st_size, mtime, problem)


def scan(raw: Path) -> Iterator[Entry]:
    """Every candidate file under raw/, sorted by path; templates/ and plan/ are skipped."""
    if not raw.is_dir():
        return
    for top in sorted(raw.iterdir()):
        if ignored(top.name) or top.name in NOT_DEPARTMENTS:
            continue
        if top.is_symlink() or not top.is_dir():
            yield _entry(raw, top, None if not top.is_symlink() else top.name)
            continue
        for folder, dirs, files in os.walk(top, followlinks=False):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            here = Path(folder)
            links = [d for d in dirs if (here / d).is_symlink()]
            for name in sorted(f for f in files if not ignored(f)) + links:
                yield _entry(raw, here / name, safe_text(top.name))
