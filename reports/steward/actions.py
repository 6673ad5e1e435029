"""Steward review section listing every withdraw and reprocess a data steward took."""

from __future__ import annotations

from typing import Any

import pandas as pd

from reports.data import records
from reports.render.html import bilingual, esc, section, stamp, table
from reports.steward.sections import NOT_PUBLISHED

HEADERS = [
    ("时间（北京时间）", "When (Asia/Shanghai)"),
    ("操作人", "By"),
    ("操作", "Action"),
    ("报送文件", "Submission"),
    ("部门 · 数据集", "Department · dataset"),
    ("原因", "Why"),
    ("结果", "Result"),
]


def result_cell(action: dict[str, Any]) -> str:
    """What the action led to: the new submission of a reprocess with its status, or that
    the withdrawn submission's rows no longer count."""
    if action["action"] == "withdraw":
        return bilingual("该报送数据不再计入", "its rows no longer count")
    if action["result_submission_id"] is None:
        return "—"
    status = action["result_status"] or ""
    label = f"{action['result_status_zh'] or status} {action['result_status_en'] or ''}".strip()
    return (
        f'<span class="code">{esc(action["result_submission_id"])}</span> '
        f'<span class="pill {esc(status)}">{esc(label)}</span>'
    )


def actions_section(actions: pd.DataFrame, published: bool = True) -> str:
    """Every steward action, newest first: when, who, what, on which file, why, the result."""
    if not published:
        return section("actions", "数据管理操作", "Steward actions", NOT_PUBLISHED)
    rows = [
        [
            stamp(a["acted_at"]),
            esc(a["acted_by"]),
            bilingual(a["action_zh"], a["action"]),
            f"{esc(a['file_name'] or a['file_path'])}"
            f'<span class="code">{esc(a["submission_id"])}</span>',
            bilingual(
                f"{a['department_name_zh']} · {a['dataset_name_zh']}",
                f"{a['department_name_en'] or a['department_code']} · "
                f"{a['dataset_name_en'] or a['dataset']}",
            ),
            esc(a["reason"]),
            result_cell(a),
        ]
        for a in records(actions)
    ]
    body = table(HEADERS, rows) if rows else '<p class="note">无操作 · No steward actions</p>'
    intro = (
        f"共 {len(rows)} 项撤回或重新读取操作，均记录在接收档案中。"
        f'<span class="en">{len(rows)} withdraw or reprocess actions, each recorded in the '
        "landing archive.</span>"
    )
    return section("actions", "数据管理操作", "Steward actions", body, intro)
