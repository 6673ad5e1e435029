"""Publish time and size of marts.duckdb, and analysts' read latency, idle and mid-publish."""

from __future__ import annotations

import re
import statistics
import threading
import time
from typing import Any

import duckdb

from benchmarks.measure import timed
from orchestration.publish.publish import list_tables, publish_marts
from orchestration.settings import REPO_ROOT, Paths

SCALE_QUERIES = {
    "statuses_by_year_all_regions": """select year, status_code, count(*) as indicators
        from fct_indicator_progress group by all order by year, status_code""",
    "investment_by_month_all_projects": """select report_month, sum(cumulative_investment),
        count(*) filter (where is_stalled) from fct_project_progress group by all order by 1""",
}


def analyst_queries() -> dict[str, str]:
    """Opening the file alone, the README's example questions and two scale roll-ups."""
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```sql\n(.*?)^```", text, re.S | re.M)
    readme = {f"readme_q{n}": sql for n, sql in enumerate(blocks, 1)}
    return {"open_only": "select 1", **readme, **SCALE_QUERIES}


def read_once(where: Paths, sql: str) -> float:
    """Seconds to open the published file read-only, run one query and fetch every row."""
    start = time.perf_counter()
    with duckdb.connect(str(where.marts_db), read_only=True) as con:
        con.execute(sql).fetchall()
    return time.perf_counter() - start


def publish(where: Paths) -> float:
    """Publish every mart of the build database; its seconds."""
    tables = {"marts": list_tables(where.build_db, "marts")}
    provenance = {"benchmark": "synthetic data, planwatch benchmarks"}
    return timed(publish_marts, where.build_db, where.marts_db, tables, provenance)[1]


def reads_during_publish(where: Paths, sql: str) -> dict[str, Any]:
    """Query the published file in a loop while another thread publishes it again."""
    errors: list[str] = []
    latencies: list[float] = []
    worker = threading.Thread(target=publish, args=(where,))
    worker.start()
    while worker.is_alive():
        try:
            latencies.append(read_once(where, sql))
        except duckdb.Error as exc:
            errors.append(type(exc).__name__)
    worker.join()
    return {
        "reads": len(latencies),
        "errors": len(errors),
        "max_ms": round(1000 * max(latencies, default=0), 1),
    }


def publish_and_read(where: Paths, repeats: int = 5) -> dict[str, Any]:
    """Publish, measure the file, then the median latency of each analyst query."""
    seconds = publish(where)
    with duckdb.connect(str(where.marts_db), read_only=True) as con:
        rows = con.execute("select sum(estimated_size) from duckdb_tables()").fetchone()[0]
    queries = analyst_queries()
    for sql in queries.values():
        read_once(where, sql)  # warm the page cache: the figures are for a file in use
    latency = {
        name: round(1000 * statistics.median(read_once(where, sql) for _ in range(repeats)), 1)
        for name, sql in queries.items()
    }
    return {
        "publish_s": round(seconds, 2),
        "marts_mb": round(where.marts_db.stat().st_size / 2**20, 2),
        "marts_rows": rows,
        "query_median_ms": latency,
        "during_publish": reads_during_publish(where, queries["readme_q2"]),
    }
