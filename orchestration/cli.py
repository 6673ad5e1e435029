"""`planwatch`: the command line for people who are not in the Dagster UI."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from orchestration.refresh.instance import use_dagster_home
from orchestration.refresh.lock import BUSY, RefreshBusy, refresh_lock
from orchestration.settings import DBT_PROJECT_DIR, ENGINES, engine, paths
from orchestration.steward.cli import register as register_steward


def _prepare() -> None:
    from orchestration.transform.project import prepare_manifest

    prepare_manifest()


def cmd_prepare(_: argparse.Namespace) -> int:
    """Parse the dbt project so the Dagster definitions can load."""
    _prepare()
    print(f"dbt manifest ready under {DBT_PROJECT_DIR / 'target'}")
    return 0


def cmd_refresh(args: argparse.Namespace) -> int:
    """One full refresh: intake, dbt build, audit, publish, reports."""
    import uuid

    from orchestration.refresh.progress import progress
    from orchestration.refresh.quick import quick_decision
    from orchestration.refresh.result import RefreshResult
    from orchestration.refresh.summary import print_summary
    from orchestration.refresh.terminal import quiet_terminal

    if args.engine:
        os.environ["PLANWATCH_ENGINE"] = args.engine
    try:
        on = engine()
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    use_dagster_home()
    run_id = str(uuid.uuid4())  # a Dagster run id, known before the run so the log is named
    log = paths().logs / f"refresh-{run_id}.log"
    try:
        with refresh_lock(paths().refresh_lock):
            if decision := quick_decision(paths(), force=args.force):
                print(f"refresh  {decision} (checked before starting Dagster)")
                print_summary(RefreshResult(success=True, run_id=None, decision=decision))
                return 0
            from orchestration.refresh.runner import run_refresh

            with quiet_terminal(log):
                progress("prepare", f"parsing the dbt project (engine: {on})")
                _prepare()
                result = run_refresh(force=args.force, run_id=run_id)
    except RefreshBusy as busy:
        print(busy, file=sys.stderr)
        return BUSY
    except Exception as error:  # the log has the traceback; the terminal gets the reason
        print(f"planwatch refresh FAILED before it finished: {type(error).__name__}: {error}")
        print(f"full log:  {log}")
        return 1
    print_summary(result, log)
    return 0 if result.success else 1


def cmd_status(_: argparse.Namespace) -> int:
    """What is published, when, from which submissions, and what failed last."""
    from orchestration.refresh.status import print_status

    use_dagster_home()
    return print_status()


def cmd_query(args: argparse.Namespace) -> int:
    """Run read-only SQL against the published marts."""
    from orchestration.query import run_query

    return run_query(args.sql, as_csv=args.csv)


def cmd_ingest(args: argparse.Namespace) -> int:
    """Copy a file into the drop folder for a department and run intake on it now."""
    from pathlib import Path

    from orchestration.ingest import ingest_file

    try:
        with refresh_lock(paths().refresh_lock):
            return ingest_file(Path(args.file), args.dept, region=args.region)
    except RefreshBusy as busy:
        print(busy, file=sys.stderr)
        return BUSY


def cmd_report(args: argparse.Namespace) -> int:
    """Write one edition of one plan's monitoring report from the published marts."""
    from reports.build import build_edition

    where = paths()
    try:
        written = build_edition(
            where.marts_db, where.reports, args.plan, args.year, args.edition, args.region
        )
    except (ValueError, FileNotFoundError) as refused:
        print(refused, file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path}")
    return 0


def cmd_ui(args: argparse.Namespace) -> int:
    """Start the Dagster UI (development mode: webserver and daemon in one command)."""
    from orchestration.refresh.instance import workspace_file

    workspace = workspace_file()
    _prepare()
    dagster = os.path.join(os.path.dirname(sys.executable), "dagster")
    command = [dagster, "dev", "-w", str(workspace), "-h", args.host, "-p", str(args.port)]
    os.execv(dagster, command)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Run the Dagster webserver and daemon: the UI, the nightly schedule and the sensors."""
    from orchestration.refresh.serve import serve

    use_dagster_home()
    _prepare()
    return serve(args.host, args.port)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="planwatch", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    refresh = commands.add_parser("refresh", help=cmd_refresh.__doc__)
    refresh.add_argument("--force", action="store_true", help="rebuild even if nothing is new")
    refresh.add_argument(
        "--engine",
        choices=list(ENGINES),
        help="what dbt builds on (default: PLANWATCH_ENGINE, else duckdb)",
    )
    refresh.set_defaults(func=cmd_refresh)
    commands.add_parser("status", help=cmd_status.__doc__).set_defaults(func=cmd_status)
    query = commands.add_parser("query", help=cmd_query.__doc__)
    query.add_argument("sql", help="the SQL to run")
    query.add_argument("--csv", action="store_true", help="print CSV instead of a table")
    query.set_defaults(func=cmd_query)
    ingest = commands.add_parser("ingest", help=cmd_ingest.__doc__)
    ingest.add_argument("file", help="the .xlsx or .csv file a department sent")
    ingest.add_argument("--dept", required=True, help="the department code (its raw/ folder)")
    ingest.add_argument(
        "--region", help="the region code, for a region other than the default (raw/<region>/)"
    )
    ingest.set_defaults(func=cmd_ingest)
    register_steward(commands)
    report = commands.add_parser("report", help=cmd_report.__doc__)
    report.add_argument("--plan", required=True, help="plan id, as in dim_plan.plan_id")
    report.add_argument("--region", help="region code; the plan's own region by default")
    report.add_argument("--year", type=int, required=True, help="evaluation year")
    report.add_argument(
        "--edition", choices=("annual", "midterm", "final"), default="annual", help="which edition"
    )
    report.set_defaults(func=cmd_report)
    for name, func in (("ui", cmd_ui), ("serve", cmd_serve)):
        server = commands.add_parser(name, help=func.__doc__)
        server.add_argument("--host", default="127.0.0.1", help="address to listen on")
        server.add_argument("--port", type=int, default=3000, help="port of the UI")
        server.set_defaults(func=func)
    commands.add_parser("prepare", help=cmd_prepare.__doc__).set_defaults(func=cmd_prepare)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
