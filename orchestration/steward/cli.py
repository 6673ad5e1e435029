"""The `planwatch steward` sub-commands; the work is imported only when a command runs."""

from __future__ import annotations

import argparse
from typing import Any

from orchestration.steward.actions import STATUSES


def cmd_list(args: argparse.Namespace) -> int:
    """List submissions in arrival order, optionally by status and department."""
    from orchestration.steward import commands

    return commands.guarded(lambda: commands.listing(args.status, args.dept), writes=False)


def cmd_withdraw(args: argparse.Namespace) -> int:
    """Withdraw an accepted submission: its rows stop counting; nothing is deleted."""
    from orchestration.steward import commands

    return commands.guarded(lambda: commands.withdraw_submission(args.submission_id, args.reason))


def cmd_reprocess(args: argparse.Namespace) -> int:
    """Re-read a submission's archived bytes under today's rules and reference data."""
    from orchestration.steward import commands

    return commands.guarded(lambda: commands.reprocess_submission(args.submission_id, args.reason))


def register(commands: Any) -> None:
    """Add `steward` and its actions to the planwatch command line."""
    steward = commands.add_parser("steward", help="data steward actions on submissions")
    chosen = steward.add_subparsers(dest="steward_command", required=True)
    listed = chosen.add_parser("list", help=cmd_list.__doc__)
    listed.add_argument("--status", choices=STATUSES, help="only submissions in this state")
    listed.add_argument("--dept", help="only this department folder")
    listed.set_defaults(func=cmd_list)
    withdrawn = chosen.add_parser("withdraw", help=cmd_withdraw.__doc__)
    withdrawn.add_argument("submission_id")
    withdrawn.add_argument("--reason", required=True, help="why (recorded and published)")
    withdrawn.set_defaults(func=cmd_withdraw)
    again = chosen.add_parser("reprocess", help=cmd_reprocess.__doc__)
    again.add_argument("submission_id")
    again.add_argument("--reason", help="why (recorded and published)")
    again.set_defaults(func=cmd_reprocess)
