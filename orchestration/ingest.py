"""`planwatch ingest`: drop one file for a department and tell the clerk the verdict now."""

from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path

import duckdb

from orchestration.intake.cache import BuildDatabaseBusy
from orchestration.intake.reference import load_reference
from orchestration.intake.run import run_intake
from orchestration.landing.ledger import LedgerBusy
from orchestration.refresh.lock import BUSY
from orchestration.settings import paths


def free_name(folder: Path, name: str) -> Path:
    """folder/name, or name-2, name-3 … before the suffix when that is taken."""
    candidate, stem, suffix, number = folder / name, Path(name).stem, Path(name).suffix, 2
    while candidate.exists() or candidate.is_symlink():
        candidate, number = folder / f"{stem}-{number}{suffix}", number + 1
    return candidate


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def copy_into(source: Path, folder: Path) -> tuple[Path, str | None]:
    """Copy source into folder without overwriting anything; (target, what to tell the clerk)."""
    folder.mkdir(parents=True, exist_ok=True)
    same = folder / source.name
    if same.is_file() and not same.is_symlink() and _digest(same) == _digest(source):
        return same, f"{same.name} 已在报送目录中，内容相同，未再复制 / already there, identical"
    target = free_name(folder, source.name)
    with source.open("rb") as reader, target.open("xb") as writer:
        shutil.copyfileobj(reader, writer)
    if target.name == source.name:
        return target, None
    return target, (
        f"报送目录中已有同名文件，另存为 {target.name} / a file named {source.name} is already "
        f"in the drop folder; saved as {target.name}"
    )


def ingest_file(
    source: Path, department: str, seeds_dir: Path | None = None, region: str | None = None
) -> int:
    """Copy `source` into raw/<department>/ (raw/<region>/<department>/ for another region
    than the default one), run intake, print the verdict; 0 if accepted."""
    where = paths()
    if not source.is_file():
        print(f"no such file: {source}", file=sys.stderr)
        return 2
    ref = load_reference(seeds_dir)
    region = region or ref.default_region
    departments = {d: n for (r, d), n in ref.department_names.items() if r == region}
    if department not in departments:
        print(
            f"“{department}”不是已登记的部门代码（地区 {region}），未复制 / {department!r} is "
            f"not a department code (of region {region}); nothing was copied. "
            "可用的部门代码 / valid department codes:",
            file=sys.stderr,
        )
        for code, name in sorted(departments.items()):
            print(f"  {code:<20} {name}", file=sys.stderr)
        return 2
    top = where.raw if region == ref.default_region else where.raw / region
    target, note = copy_into(source, top / department)
    if note:
        print(note)
    try:
        run_intake(seeds_dir=seeds_dir)
    except (duckdb.IOException, BuildDatabaseBusy, LedgerBusy) as error:
        print(f"the warehouse is busy (a refresh is running?): {error}", file=sys.stderr)
        return BUSY
    relative = target.relative_to(where.raw).as_posix()
    with duckdb.connect(str(where.build_db), read_only=True) as con:
        row = con.execute(
            "select status, dataset, rows_received, rows_accepted, rows_quarantined, reasons, "
            "warnings from raw.submission_log where file_path = ? "
            "order by received_at desc limit 1",
            [relative],
        ).fetchone()
    if row is None:
        print(f"{relative}: not taken in yet (still being written?); run `planwatch refresh`")
        return 1
    status, dataset, received, accepted, quarantined, reasons, warnings = row
    print(f"{relative}: {status} ({dataset or 'dataset not recognised'})")
    print(f"rows received {received}, accepted {accepted}, quarantined {quarantined}")
    for text in (reasons, warnings):
        if text:
            print(text)
    print("the marts are updated by the next refresh (`planwatch refresh`)")
    return 0 if status == "accepted" else 1
