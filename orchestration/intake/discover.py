"""What is waiting in the drop folder: one entry per file, links and odd entries included.

Layouts: raw/<department>/… (the default region) and raw/<region_code>/<department>/…
(a six-digit region folder). templates/ and plan/ hold the project's own templates and plan
text, which are not submissions; anything else put there is listed, to be rejected.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from orchestration.intake.datasets.registry import DATASETS

NOT_DEPARTMENTS = {"templates", "plan"}
REGION_FOLDER = re.compile(r"\d{6}")
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
PLAN_TEXT_SUFFIXES = {".txt", ".pdf"}
IGNORED_NAMES = {"readme.md", "readme.txt", ".gitkeep", "thumbs.db", "desktop.ini", ".ds_store"}


@dataclass(frozen=True)
class Entry:
    """A file in the drop folder, described without reading it (lstat: links are not followed).

    folder is the department folder, region the six-digit region folder above it (None in
    the single-region layout); mtime is aware UTC.
    """

    path: Path
    relative_path: str
    folder: str | None
    size: int
    mtime: dt.datetime
    problem: str | None = None
    region: str | None = None


def safe_text(value: str) -> str:
    """A file name that may hold undecodable bytes, made storable as UTF-8."""
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def ignored(name: str) -> bool:
    """Office lock files, hidden files and folder clutter are not submissions."""
    return name.startswith((".", "~$")) or name.lower() in IGNORED_NAMES


def own_file(relative: Path) -> bool:
    """The project's own files in templates/ and plan/: a dataset's template, the plan text."""
    top, name = relative.parts[0], relative.name
    if len(relative.parts) != 2:
        return False
    if top == "templates":
        return name.endswith(".xlsx") and name.removesuffix(".xlsx") in DATASETS
    return top == "plan" and relative.suffix.lower() in PLAN_TEXT_SUFFIXES


def _entry(raw: Path, path: Path, folder: str | None, region: str | None = None) -> Entry:
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
    mtime = EPOCH + dt.timedelta(microseconds=info.st_mtime_ns // 1000)
    relative = safe_text(path.relative_to(raw).as_posix())
    return Entry(path, relative, folder, info.st_size, mtime, problem, region)


def _walk(raw: Path, top: Path, region: str | None) -> Iterator[Entry]:
    """Every candidate file in one department folder, sorted by path."""
    folder = safe_text(top.name)
    for here_name, dirs, files in os.walk(top, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        here = Path(here_name)
        links = [d for d in dirs if (here / d).is_symlink()]
        for name in sorted(f for f in files if not ignored(f)) + links:
            path = here / name
            if region is None and top.name in NOT_DEPARTMENTS and own_file(path.relative_to(raw)):
                continue
            yield _entry(raw, path, folder, region)


def _level(raw: Path, parent: Path, region: str | None) -> Iterator[Entry]:
    """The department folders (and stray files) directly under raw/ or a region folder."""
    for top in sorted(parent.iterdir()):
        if ignored(top.name):
            continue
        if top.is_symlink() or not top.is_dir():
            yield _entry(raw, top, None if not top.is_symlink() else top.name, region)
        elif region is None and REGION_FOLDER.fullmatch(top.name):
            yield from _level(raw, top, top.name)
        else:
            yield from _walk(raw, top, region)


def scan(raw: Path) -> Iterator[Entry]:
    """Every candidate file under raw/, sorted by path; the project's own files are skipped."""
    if raw.is_dir():
        yield from _level(raw, raw, None)
