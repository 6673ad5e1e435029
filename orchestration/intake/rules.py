"""Every intake rule: a stable code, its severity and its bilingual message templates."""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources

ERROR, WARNING = "error", "warning"

CATALOGUE = "rules.csv"  # beside this module: code, severity, message_zh, message_en


def _load() -> dict[str, tuple[str, str, str]]:
    """The catalogue file as code -> (severity, Chinese template, English template)."""
    text = resources.files("orchestration.intake").joinpath(CATALOGUE).read_text("utf-8")
    rules: dict[str, tuple[str, str, str]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        code, severity = row["code"], row["severity"]
        if code in rules or severity not in (ERROR, WARNING):
            raise ValueError(f"{CATALOGUE}: rule {code!r} repeated or of unknown severity")
        rules[code] = (severity, row["message_zh"], row["message_en"])
    return rules


# Message templates take str.format_map placeholders; codes are stable (stored in the log).
RULES = _load()


@dataclass(frozen=True)
class Issue:
    """One finding about a file or a row, with where it is and what to do."""

    rule: str
    severity: str
    reason_zh: str
    reason_en: str
    sheet: str | None = None
    excel_row: int | None = None
    column: str | None = None
    field: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


LINE_BREAK = re.compile(r"\s*[\n\r\v\f\x85\N{LINE SEPARATOR}\N{PARAGRAPH SEPARATOR}]\s*")


def one_line(text: str | None) -> str | None:
    """A label or value as one line, so a quoted "数值⏎value" template header reads "数值 value";
    a text of whitespace alone (a formula character such as a tab) is kept as it is."""
    if text is None or not text.strip():
        return text
    return LINE_BREAK.sub(" ", text.strip())


def issue(
    rule: str,
    *,
    sheet: str | None = None,
    row: int | None = None,
    column: str | None = None,
    field: str | None = None,
    **values: object,
) -> Issue:
    """Build an Issue from the catalogue, filling the message templates with values."""
    severity, zh, en = RULES[rule]
    column = one_line(column)
    texts = {k: one_line(v) if isinstance(v, str) else v for k, v in values.items()}
    fill = defaultdict(str, {k: "" if v is None else v for k, v in texts.items()})
    fill.setdefault("column", column or "")
    return Issue(
        rule, severity, zh.format_map(fill), en.format_map(fill), sheet, row, column, field
    )


def describe(item: Issue) -> str:
    """One line for submission_log: where (sheet, row, column), Chinese first, then English."""
    zh, en = [], []
    if item.sheet:
        zh.append(f"工作表“{item.sheet}”")
        en.append(f"sheet '{item.sheet}'")
    if item.excel_row:
        zh.append(f"第 {item.excel_row} 行")
        en.append(f"row {item.excel_row}")
    if item.column:
        zh.append(f"“{item.column}”列")
        en.append(f"column '{item.column}'")
    where_zh = (" ".join(zh) + "：") if zh else ""
    where_en = (", ".join(en) + ": ") if en else ""
    return f"{where_zh}{item.reason_zh}。 / {where_en}{item.reason_en}. [{item.rule}]"
