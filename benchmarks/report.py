"""The readable tables printed after a run, and the JSON file the results are kept in."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from orchestration.settings import paths


def table(header: list[str], rows: list[list[Any]]) -> str:
    """A plain-text table: first column left-aligned, the others right-aligned."""
    cells = [header, *[[f"{c:,}" if isinstance(c, int) else str(c) for c in r] for r in rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = [
        "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(r, widths, strict=True))
        )
        for r in cells
    ]
    return "\n".join([lines[0], "-" * len(lines[0]), *lines[1:]])


def intake_table(results: list[dict[str, Any]]) -> str:
    """Intake: one line per scenario."""
    baseline = next((r["peak_rss_mb"] for r in results if r["scenario"] == "empty_drop_folder"), 0)
    header = ["intake scenario", "files", "rows in", "loaded", "quarantined", "warnings", "s"]
    header += ["files/s", "rows/s", "peak RSS MB", "above empty MB"]
    rows = [
        [
            r["scenario"],
            " ".join(f"{k}={v}" for k, v in r["files"].items() if k != "seen") or "-",
            r["rows_in_files"],
            r["rows_written"].get("project_progress", 0),
            r["rows_written"].get("quarantine", 0),
            r["rows_written"].get("submission_warning", 0),
            r["intake_s"],
            r["files_per_s"],
            r["rows_per_s"],
            r["peak_rss_mb"],
            round(r["peak_rss_mb"] - baseline, 1),
        ]
        for r in results
        if not r["scenario"].startswith("hostile:")
    ]
    return "\n\n".join([table(header, rows), hostile_table(results)])


def hostile_table(results: list[dict[str, Any]]) -> str:
    """Hostile workbooks: how each was decided, at what cost, against the plain workbook."""
    found = [r for r in results if r["scenario"].startswith("hostile:")]
    plain = next((r for r in found if r["scenario"] == "hostile:plain_small_workbook"), None)
    header = ["hostile workbook", "file KB", "decided", "s", "peak RSS MB", "above plain MB"]
    rows = [
        [
            r["scenario"].removeprefix("hostile:"),
            r["file_kb"],
            " ".join(f"{k}={v}" for k, v in r["reasons"].items()),
            r["intake_s"],
            r["peak_rss_mb"],
            round(r["peak_rss_mb"] - (plain["peak_rss_mb"] if plain else 0), 1),
        ]
        for r in found
    ]
    return table(header, rows) if rows else ""


def warehouse_table(results: list[dict[str, Any]]) -> str:
    """dbt build, publish and reads: one line per size, then query latency per size."""
    header = ["raw project rows", "regions", "indicator rows", "sector rows", "dbt build s"]
    header += ["(dbt's own)"]
    header += ["build MB", "publish s", "marts MB", "reads mid-publish (errors)"]
    rows = [
        [
            r["project_progress"],
            r["regions"],
            r["indicator_values"],
            r["sector_output"],
            r["dbt_build_s"],
            r["dbt_elapsed_s"],
            r["build_db_mb"],
            r["publish_s"],
            r["marts_mb"],
            f"{r['during_publish']['reads']} ({r['during_publish']['errors']})",
        ]
        for r in results
    ]
    names = list(results[0]["query_median_ms"]) if results else []
    latency = [[n, *[r["query_median_ms"][n] for r in results]] for n in names]
    sizes = [f"{r['project_progress']:,} rows" for r in results]
    parse = f"dbt parse, once before the builds: {results[0]['dbt_parse_s']} s" if results else ""
    queries = table(["open + query + fetch, median ms", *sizes], latency)
    return "\n\n".join([table(header, rows), parse, queries])


def render(results: dict[str, Any]) -> str:
    """Everything a person reads after a run."""
    m = results["machine"]
    head = (
        f"planwatch benchmarks ({results['sizes']['name']}, {results['data']})\n"
        f"{m['cpus']} CPUs, {m['memory_gib']} GiB, load {m['load_average_1m']} → "
        f"{results['load_average_1m_after']}, commit {m['git_commit'][:10]}"
    )
    parts = [head, intake_table(results["intake"]), warehouse_table(results["warehouse"])]
    return "\n\n".join(parts)


def write_json(results: dict[str, Any], folder: Path | None = None) -> Path:
    """Write results-<timestamp>.json under warehouse/bench/ (or `folder`); its path."""
    folder = folder or paths().warehouse / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"results-{dt.datetime.now():%Y%m%d-%H%M%S}.json"
    path.write_text(json.dumps(results, ensure_ascii=False, indent=2, default=str), "utf-8")
    return path
