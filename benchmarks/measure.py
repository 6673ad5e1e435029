"""Timing, peak memory in a fresh process, and a description of the machine measured on."""

from __future__ import annotations

import multiprocessing
import os
import platform
import resource
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from importlib import metadata
from typing import Any, TypeVar

T = TypeVar("T")


def timed(function: Callable[..., T], *args: Any, **kwargs: Any) -> tuple[T, float]:
    """The function's result and its wall-clock seconds."""
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _run_and_measure(
    function: Callable[..., dict[str, Any]], args: tuple[Any, ...]
) -> dict[str, Any]:
    result = function(*args)
    return {**result, "peak_rss_mb": round(peak_rss_mb(), 1)}


def isolated(function: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
    """Run function(*args) in a new interpreter and add that process's peak RSS to its result.

    ru_maxrss is a high-water mark that never goes down, so each measurement that reports
    memory needs a process of its own; the child inherits the current environment.
    """
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as pool:
        return pool.submit(_run_and_measure, function, args).result()


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def machine() -> dict[str, Any]:
    """CPU, memory, load and versions, so figures from different machines can be compared."""
    from orchestration.publish.provenance import code_version

    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return {
        "cpus": os.cpu_count(),
        "memory_gib": round(memory / 2**30, 1),
        "load_average_1m": round(os.getloadavg()[0], 2),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "versions": {p: _version(p) for p in ("duckdb", "dbt-core", "dbt-duckdb", "dagster")},
        "git_commit": code_version(),
    }
