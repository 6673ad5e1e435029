"""`python -m benchmarks [--quick]`: run the benchmarks, print the tables, keep the JSON."""

from __future__ import annotations

import argparse
import logging

from benchmarks import report, suite
from benchmarks.sizes import DEFAULT, QUICK


def main(argv: list[str] | None = None) -> int:
    """Run every benchmark at the chosen sizes; print a summary and where the JSON went."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, under two minutes")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("dagster").setLevel(logging.WARNING)  # not one line per dbt command
    results = suite.run(QUICK if args.quick else DEFAULT)
    print(report.render(results))
    print(f"\nresults: {report.write_json(results)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
