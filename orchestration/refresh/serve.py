"""`planwatch serve`: the Dagster webserver and daemon together, so schedules and sensors run.

The daemon is what evaluates the nightly schedule and the drop-folder sensor; the
webserver is the UI. Both load the code location from warehouse/dagster/workspace.yaml
and share the instance in warehouse/dagster. A signal to this process stops both; if
either stops, the other is stopped too and its exit status is returned.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from orchestration.refresh.instance import workspace_file

POLL_SECONDS = 0.5
STOP_SECONDS = 30


def _tool(name: str) -> str:
    return str(Path(sys.executable).parent / name)


def serve_commands(workspace: Path, host: str, port: int) -> list[list[str]]:
    """The webserver and daemon command lines."""
    return [
        [_tool("dagster-webserver"), "-w", str(workspace), "-h", host, "-p", str(port)],
        [_tool("dagster-daemon"), "run", "-w", str(workspace)],
    ]


def _stop(children: list[subprocess.Popen[bytes]]) -> None:
    for child in children:
        if child.poll() is None:
            child.terminate()
    deadline = time.monotonic() + STOP_SECONDS
    for child in children:
        try:
            child.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def serve(host: str, port: int) -> int:
    """Run webserver and daemon until a signal, or until one of them stops."""
    children = [
        subprocess.Popen(command) for command in serve_commands(workspace_file(), host, port)
    ]
    stopping: list[int] = []

    def on_signal(number: int, _frame: object) -> None:
        stopping.append(number)

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGTERM, signal.SIGINT)}
    print(f"planwatch serve: UI on http://{host}:{port}, daemon running (Ctrl-C stops both)")
    try:
        while not stopping and all(child.poll() is None for child in children):
            time.sleep(POLL_SECONDS)
    finally:
        _stop(children)
        for number, handler in previous.items():
            signal.signal(number, handler)
    ended = [child.returncode for child in children if child.returncode not in (0, None)]
    return 0 if stopping else (ended[0] if ended else 1)
