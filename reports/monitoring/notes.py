"""The monitoring report's last section: how statuses are decided, where the data came from."""

from __future__ import annotations

import json

from reports.plans import Plan
from reports.render.badges import Statuses
from reports.render.html import bilingual, esc, section, table

METHOD_ZH = (
    "预期值取规划路径上当年的值：总量类指标按复合增长 B·(T/B)^((y−{base})/{span})，"
    "比率、比重类按线性 B+(T−B)·(y−{base})/{span}。"
    "完成进度为已实现变化量占规划变化量（目标值−基期值）的比重；与预期路径之差在"
    "规划变化量±{tol}以内为基本符合预期。约束性指标不设容差。详见 docs/methodology.md。"
)
METHOD_EN = (
    "The expected value is the value on the planned path in that year: compound growth "
    "B·(T/B)^((y−{base})/{span}) for levels, linear B+(T−B)·(y−{base})/{span} for rates and "
    "shares. The share "
    "achieved is the change so far over the planned change (target − baseline); within ±{tol} of "
    "the planned change of the path is on track. Binding constraints have no tolerance. "
    "See docs/methodology.md."
)


def submissions_text(value: str) -> str:
    """The submissions item (JSON counts by status) as words."""
    try:
        parsed = json.loads(value)
    except (json.JSONDecodeError, TypeError):
        return value
    if not isinstance(parsed, dict):
        return value
    words = {"accepted": "接收", "rejected": "退回", "duplicate": "重复"}
    counts = parsed.get("by_status", {})
    text = " · ".join(f"{words.get(k, k)} {k} {n}" for k, n in counts.items())
    latest = parsed.get("latest_accepted_at")
    return text + (
        f"；最近接收 latest accepted {str(latest)[:16].replace('T', ' ')}" if latest else ""
    )


def provenance_rows(provenance: dict[str, str]) -> list[list[str]]:
    """The provenance items worth showing, each as (item, value)."""
    labels = [
        ("refreshed_at", "数据更新时间", "Refreshed at"),
        ("submissions", "纳入的报送文件", "Submissions included"),
        ("git_commit", "程序版本", "Code version"),
        ("input_fingerprint", "输入指纹", "Input fingerprint"),
        ("run_id", "运行编号", "Run"),
    ]
    rows = []
    for key, zh, en in labels:
        if key in provenance:
            value = provenance[key]
            value = submissions_text(value) if key == "submissions" else value[:40]
            rows.append([bilingual(zh, en), f'<span class="code">{esc(value)}</span>'])
    return rows


def notes_section(
    provenance: dict[str, str], tolerance: float | None, statuses: Statuses, plan: Plan
) -> str:
    """Status definitions (dim_progress_status), the method in two sentences, the provenance."""
    tol = "—" if tolerance is None else f"{tolerance * 100:g}%"
    years = {"tol": tol, "base": plan.baseline_year, "span": plan.end_year - plan.baseline_year}
    legend = table(
        [("状态", "Status"), ("含义", "Meaning")],
        [[statuses.badge(s.code), bilingual(s.rule_zh, s.rule_en)] for s in statuses],
    )
    body = (
        f"<p>{esc(METHOD_ZH.format(**years))}"
        f'<span class="en block">{esc(METHOD_EN.format(**years))}</span></p>'
        f"<h3>状态说明 <span class='en'>Statuses</span></h3>{legend}"
        f"<h3>数据来源 <span class='en'>Provenance</span></h3>"
        + table([("项目", "Item"), ("内容", "Value")], provenance_rows(provenance))
    )
    return section("notes", "方法与数据说明", "Method and data", body)
