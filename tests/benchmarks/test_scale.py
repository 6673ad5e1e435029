"""The scale benchmark's own parts on small generated data: the bare load and the step log."""

from __future__ import annotations

import json
import subprocess
import sys

from benchmarks import nation, scale


def test_the_bare_duckdb_load_reads_every_generated_row(tmp_path):
    built = nation.generate(tmp_path / "n", 1, 5)
    script = scale.bulk_load_script(built.raw, tmp_path / "bulk.duckdb")

    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)

    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    for dataset, rows in loaded.items():
        generated = sum(n for k, n in built.rows.items() if k.split(":")[0] == dataset)
        assert rows == generated > 0, dataset


def test_step_seconds_come_from_the_refresh_logs_step_lines():
    prefix = "2026-12-01 16:{} +0000 - dagster - DEBUG - refresh_job - 3f-1 - 25707 - {} - {} - "
    log = "\n".join(
        [
            prefix.format("26:30", "intake", "STEP_START") + 'Started "intake".',
            prefix.format("27:57", "intake", "STEP_SUCCESS") + 'Finished "intake" in 1m27s.',
            prefix.format("27:57", "planwatch_dbt", "STEP_START") + "Started.",
            "733 of 828 PASS unique_combination_x",
            prefix.format("31:02", "planwatch_dbt", "STEP_FAILURE") + "Failed.",
            prefix.format("31:02", "publish", "STEP_START") + "never finished",
        ]
    )

    assert scale.step_seconds(log) == {"intake": 87.0, "planwatch_dbt": 185.0}


def test_marts_digests_ignore_row_order_and_see_any_changed_value(tmp_path):
    import duckdb

    def build(name: str, rows: list[tuple[int, str]]):
        path = tmp_path / name
        with duckdb.connect(str(path)) as con:
            con.execute("create schema marts; create table marts.t (k integer, v varchar)")
            con.executemany("insert into marts.t values (?, ?)", rows)
        return scale.marts_digests(path)

    one = build("a.duckdb", [(1, "x"), (2, "y")])

    assert one == build("b.duckdb", [(2, "y"), (1, "x")])
    assert one != build("c.duckdb", [(1, "x"), (2, "z")])
    assert one["t"].startswith("2:")
