"""The bare DuckDB baseline of the scale benchmark: bare_duckdb.sql over a build database.

`python -m benchmarks.bare_duckdb DATABASE SEEDS_DIR` runs the script in a fresh connection to
DATABASE (a copy of a build database: its raw schema) with the plan reference data read from
SEEDS_DIR, writes schema bare, and prints the row counts of its outputs as JSON.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb

from orchestration.settings import TIMEZONE

SCRIPT = Path(__file__).with_name("bare_duckdb.sql")
OUTPUTS = (
    "fct_project_progress",
    "fct_indicator_progress",
    "fct_sector_output",
    "rpt_project_box_summary",
    "rpt_plan_scorecard",
    "submission_items_accepted",
    "rpt_submission_summary",
)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def script(seeds: Path, timezone: str = TIMEZONE) -> str:
    """The SQL script with the seeds folder and the warehouse's time zone filled in."""
    sql = SCRIPT.read_text("utf-8")
    return sql.replace("__SEEDS__", _literal(str(seeds.resolve()))).replace(
        "__TIMEZONE__", timezone.replace("'", "''")
    )


def run(database: Path, seeds: Path) -> dict[str, int]:
    """Run the script against `database`; the row count of each table it writes."""
    with duckdb.connect(str(database)) as con:
        con.execute(script(seeds))
        return {t: con.execute(f"select count(*) from bare.{t}").fetchone()[0] for t in OUTPUTS}


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m benchmarks.bare_duckdb DATABASE SEEDS_DIR", file=sys.stderr)
        return 2
    print(json.dumps(run(Path(argv[0]), Path(argv[1]))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
