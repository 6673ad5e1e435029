"""`planwatch serve` runs the UI and the daemon, and the schedule and sensors start RUNNING."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import dagster as dg
from site_support import PLANWATCH, planwatch_env

from orchestration.definitions import defs
from orchestration.settings import Paths

STATES = """{
  schedulesOrError(repositorySelector: {repositoryName: "__repository__",
                                        repositoryLocationName: "planwatch"}) {
    ... on Schedules { results { name scheduleState { status } } }
  }
  sensorsOrError(repositorySelector: {repositoryName: "__repository__",
                                      repositoryLocationName: "planwatch"}) {
    ... on Sensors { results { name sensorState { status } } }
  }
  instance { daemonHealth { allDaemonStatuses { daemonType healthy } } }
}"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _graphql(port: int) -> dict:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql",
        data=json.dumps({"query": STATES}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)["data"]


def _wait_until_answering(port: int, server: subprocess.Popen[str]) -> None:
    while True:
        assert server.poll() is None, "planwatch serve stopped before it answered"
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=5) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(1)


def test_schedule_and_sensors_are_running_by_default() -> None:
    assert defs.resolve_schedule_def("nightly_refresh").default_status == (
        dg.DefaultScheduleStatus.RUNNING
    )
    for name in ("raw_files_sensor", "stale_reports_sensor"):
        assert defs.resolve_sensor_def(name).default_status == dg.DefaultSensorStatus.RUNNING


def test_serve_answers_on_localhost_with_schedule_sensors_and_daemon_running(
    warehouse: Paths,
) -> None:
    port = _free_port()
    log = warehouse.warehouse.parent / "serve.out"
    server = subprocess.Popen(
        [*PLANWATCH, "serve", "--port", str(port)],
        env=planwatch_env(warehouse.warehouse.parent),
        stdout=log.open("w", encoding="utf-8"),
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        _wait_until_answering(port, server)
        states = _graphql(port)
        deadline = time.monotonic() + 180
        while not all(
            d["healthy"] for d in states["instance"]["daemonHealth"]["allDaemonStatuses"]
        ):
            assert time.monotonic() < deadline, states["instance"]
            time.sleep(2)
            states = _graphql(port)
        pids = _children(server.pid)
        children = [Path(f"/proc/{pid}/cmdline").read_bytes() for pid in pids]
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=120)
    output = log.read_text(encoding="utf-8")

    schedules = {
        s["name"]: s["scheduleState"]["status"] for s in states["schedulesOrError"]["results"]
    }
    sensors = {s["name"]: s["sensorState"]["status"] for s in states["sensorsOrError"]["results"]}
    assert schedules == {"nightly_refresh": "RUNNING"}
    assert sensors == {"raw_files_sensor": "RUNNING", "stale_reports_sensor": "RUNNING"}
    daemons = {d["daemonType"] for d in states["instance"]["daemonHealth"]["allDaemonStatuses"]}
    assert {"SCHEDULER", "SENSOR"} <= daemons
    webserver = next(c for c in children if b"dagster-webserver" in c)
    assert b"\x00-h\x00127.0.0.1\x00" in webserver
    assert server.returncode == 0, output[-3000:]
    assert _still_running(pids) == [], children


def _children(pid: int) -> list[int]:
    found = []
    for tasks in (
        Path(f"/proc/{pid}/task").glob("*/children") if Path(f"/proc/{pid}").exists() else []
    ):
        found += [int(kid) for kid in tasks.read_text().split()]
    return found


def _still_running(pids: list[int], seconds: float = 15) -> list[int]:
    """The processes of `pids` still running after up to `seconds` (an exited one that init
    has not reaped yet, state Z, is not running)."""
    deadline = time.monotonic() + seconds
    while True:
        running = [pid for pid in pids if _state(pid) not in (None, "Z")]
        if not running or time.monotonic() > deadline:
            return running
        time.sleep(0.5)


def _state(pid: int) -> str | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return None
