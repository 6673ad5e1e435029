"""The skip rule on a real refreshed warehouse: a damaged build database is never nothing new."""

from __future__ import annotations

import os
import time

import duckdb
import pytest

from orchestration.refresh.quick import quick_decision, why_not_quick
from orchestration.refresh.skip import NOTHING_NEW, build_db_problem, decide, stale_outputs
from orchestration.settings import Paths

pytestmark = pytest.mark.xdist_group("site")


def _execute(where: Paths, sql: str) -> None:
    with duckdb.connect(str(where.build_db)) as con:
        con.execute(sql)


def test_an_intact_build_database_with_nothing_new_skips(published: Paths) -> None:
    assert build_db_problem(published) is None
    assert decide(published) == decide(published, problem=None)
    assert decide(published).reason == NOTHING_NEW
    assert not decide(published).rebuild
    assert decide(published, force=True).rebuild


@pytest.mark.parametrize(
    ("damage", "found"),
    [
        ("delete", "the build database is missing"),
        ("empty", "the build database cannot be read"),
        ("halve", "the build database cannot be read"),
        ("drop_log", "the build database has no submission log"),
        ("lose_a_submission", "the build database lacks 1 submission(s) the published version"),
    ],
)
def test_a_damaged_build_database_means_rebuild(published: Paths, damage: str, found: str) -> None:
    build = published.build_db
    if damage == "delete":
        build.unlink()
    elif damage == "empty":
        os.truncate(build, 0)
    elif damage == "halve":
        os.truncate(build, build.stat().st_size // 2)
    elif damage == "drop_log":
        _execute(published, "drop table raw.submission_log")
    else:
        _execute(published, "delete from raw.submission_log where file_path like 'stats/%2031%'")

    problem = build_db_problem(published)

    assert problem is not None and problem.startswith(found), problem
    decision = decide(published, problem=problem)
    assert decision.rebuild and decision.reason == f"rebuild: {problem}"


def test_reports_older_than_the_marts_or_missing_are_stale(published: Paths) -> None:
    names = sorted(p.name for p in published.reports.iterdir() if p.is_file())
    assert stale_outputs(published, names) == []

    (published.reports / names[0]).unlink()
    now = time.time()
    os.utime(published.marts_db, (now + 60, now + 60))

    stale = stale_outputs(published, names)

    assert f"reports/{names[0]}" in stale
    assert set(stale) == {f"reports/{n}" for n in names} | {"dbt_docs/index.html"}


def test_the_quick_path_answers_nothing_new_only_when_the_refresh_job_would(
    published: Paths,
) -> None:
    assert why_not_quick(published) is None
    assert quick_decision(published) == NOTHING_NEW == decide(published).reason
    assert why_not_quick(published, force=True) == "forced"


@pytest.mark.parametrize(
    ("change", "found"),
    [
        ("touch_a_file", "a new or changed file: "),
        ("new_file", "a new or changed file: stats/"),
        ("marts_newer_than_reports", "older than the marts: "),
        ("truncate_build_db", "the build database needs a look"),
        ("no_marts", "nothing published yet"),
    ],
)
def test_anything_new_or_stale_sends_the_refresh_the_long_way(
    published: Paths, change: str, found: str
) -> None:
    files = sorted(p for p in published.raw.rglob("*.csv"))
    if change == "touch_a_file":
        os.utime(files[0], (time.time() + 5, time.time() + 5))
    elif change == "new_file":
        (published.raw / "stats" / "指标_late.csv").write_bytes(files[0].read_bytes())
    elif change == "marts_newer_than_reports":
        os.utime(published.marts_db, (time.time() + 60, time.time() + 60))
    elif change == "truncate_build_db":
        os.truncate(published.build_db, 0)
    else:
        published.marts_db.unlink()

    reason = why_not_quick(published)

    assert reason is not None and reason.startswith(found), reason
    assert quick_decision(published) is None
