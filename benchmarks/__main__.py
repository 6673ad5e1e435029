"""`python -m benchmarks [--quick]`; `... scale --regions N`: run, print, keep JSON."""

from __future__ import annotations

import argparse
import logging

from benchmarks import report, scale, suite
from benchmarks.sizes import DEFAULT, QUICK


def main(argv: list[str] | None = None) -> int:
    """Run every benchmark at the chosen sizes; print a summary and where the JSON went."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, under two minutes")
    commands = parser.add_subparsers(dest="command")
    nation = commands.add_parser("scale", help="refresh a SYNTHETIC nation of N counties")
    nation.add_argument("--regions", type=int, default=3, help="county regions (default 3)")
    nation.add_argument("--seed", type=int, default=14, help="generator seed (default 14)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("dagster").setLevel(logging.WARNING)  # not one line per dbt command
    if args.command == "scale":
        measured = scale.run(args.regions, args.seed)
        print(scale.render(measured))
        print(f"\nresults: {scale.write_json(measured)}")
        return 0
    results = suite.run(QUICK if args.quick else DEFAULT)
    print(report.render(results))
    print(f"\nresults: {report.write_json(results)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
