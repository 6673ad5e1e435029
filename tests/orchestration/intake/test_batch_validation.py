"""Validating a chunk of files in one GX batch decides every file as validating it alone does.

The same drop is taken in twice, one file per batch and all files in one batch, and the
decisions, reasons, quarantined rows, warnings and each file's validation result are the
same. The drop holds what could tell them apart: a file GX rejects whose values a later
file's jump check would otherwise be compared with, a key repeated inside one file, and the
same key in two files of the batch (unique within a file, not across files).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from intake_support import INDICATOR_HEADER, PROJECT_HEADER, Drop

from orchestration.intake import batch
from orchestration.intake.validate import Validator


def _indicator_file(*rows: tuple[str, int, object]) -> str:
    lines = [",".join(INDICATOR_HEADER)]
    lines += [f"{code},,{year},{value},," for code, year, value in rows]
    return "\n".join(lines) + "\n"


FILES = {
    "stats/1_base.csv": _indicator_file(("I01", 2021, 330)),
    "stats/2_wrong_scale.csv": _indicator_file(("I01", 2022, 3300000)),
    "stats/3_next_year.csv": _indicator_file(("I01", 2023, 360)),
    "stats/4_key_twice.csv": _indicator_file(("I02", 2023, 5.1), ("I02", 2023, 5.3)),
    "stats/5_revision.csv": _indicator_file(("I01", 2023, 362)),
    "stats/6_jump.csv": _indicator_file(("I01", 2024, 900)),
    "commerce/7_projects.csv": "\n".join(
        [
            ",".join(PROJECT_HEADER),
            "B08-P001,,2023-05-01,在建,30000,1200,8000,,,",
            "B08-P001,,2023-06-01,在建,30000,1500,7000,,,",
        ]
    )
    + "\n",
}


def _counted(real: Callable[..., Any], name: str, runs: list[str]) -> Callable[..., Any]:
    """The Validator method, noting each call that runs GX (a batch of one is one run)."""

    def counting(self: Validator, *args: Any) -> Any:
        if name == "validate" or len(args[1]) > 1:
            runs.append(name)
        return real(self, *args)

    return counting


def _take_in(root: Path, seeds: Path, monkeypatch: pytest.MonkeyPatch, files: int) -> Drop:
    drop = Drop(root, seeds)
    monkeypatch.setenv("PLANWATCH_RAW", str(drop.raw))
    monkeypatch.setenv("PLANWATCH_HOME", str(drop.home))
    monkeypatch.setattr(batch, "CHUNK_FILES", files)
    for name, text in FILES.items():
        drop.csv(name, text)
    drop.run()
    return drop


def _decisions(drop: Drop) -> dict[str, Any]:
    by_file = "join raw.submission_log l using (submission_id)"
    return {
        "log": drop.query(
            "select file_path, status, reason_codes, reasons, rows_accepted, rows_quarantined "
            "from raw.submission_log order by file_path"
        ),
        "quarantine": drop.query(
            f"select l.file_path, q.* exclude (submission_id) from raw.quarantine q {by_file} "
            "order by all"
        ),
        "warnings": drop.query(
            f"select l.file_path, w.* exclude (submission_id) from raw.submission_warning w "
            f"{by_file} order by all"
        ),
    }


def _validations(drop: Drop) -> dict[str, Any]:
    """Each file's validation result, by file path, without its batch markers."""
    names = {r["submission_id"]: r["file_path"] for r in drop.table("submission_log")}
    found = {}
    for path in (drop.home / "gx" / "intake_validations").glob("*.json"):
        result = json.loads(path.read_text("utf-8"))
        found[names[path.stem]] = {
            "success": result["success"],
            "suite": result["suite_name"],
            "statistics": result["statistics"],
            "results": [
                (r["expectation_config"]["type"], r["expectation_config"]["kwargs"], r["success"],
                 {k: v for k, v in r["result"].items() if k != "unexpected_index_query"})
                for r in result["results"]
            ],
        }  # fmt: skip
    return found


def test_one_batch_decides_every_file_as_one_file_at_a_time_does(
    tmp_path: Path, seeds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "alone").mkdir()
    (tmp_path / "batched").mkdir()
    alone = _take_in(tmp_path / "alone", seeds, monkeypatch, files=1)
    runs: list[str] = []
    for method in ("validate", "validate_many"):
        real = getattr(Validator, method)
        monkeypatch.setattr(Validator, method, _counted(real, method, runs))
    batched = _take_in(tmp_path / "batched", seeds, monkeypatch, files=50)

    decided = _decisions(batched)
    statuses = {r["file_path"]: (r["status"], r["reason_codes"]) for r in decided["log"]}
    assert statuses["stats/2_wrong_scale.csv"] == ("rejected", "implausible_scale")
    assert statuses["stats/4_key_twice.csv"][0] == "rejected"
    assert "duplicate" in (statuses["stats/4_key_twice.csv"][1] or "")
    assert statuses["stats/3_next_year.csv"][0] == "accepted"
    assert statuses["stats/5_revision.csv"][0] == "accepted"
    assert statuses["commerce/7_projects.csv"][0] == "accepted"
    assert decided == _decisions(alone)
    assert _validations(batched) == _validations(alone)
    assert len(_validations(batched)) == len(FILES)
    # the six indicator files in one batch, the project file alone, and the two 2023 files
    # again, in a second batch: they were checked against 2_wrong_scale's 2022 value, which
    # its suite rejected
    assert sorted(runs) == ["validate", "validate_many", "validate_many"]
