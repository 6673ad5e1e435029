"""Each raw column's type (declared once, in the dataset spec) bounds what a cell may hold
after unit conversion; more decimals than the type keeps are rounded and warned."""

from __future__ import annotations

from decimal import Decimal

import pytest
from intake_support import Drop

from orchestration.intake import storage
from orchestration.intake.datasets.registry import DATASETS


@pytest.mark.parametrize(
    ("kind", "limit", "scale"),
    [
        ("decimal(18,2)", Decimal("9999999999999999.99"), 2),
        ("decimal(20,6)", Decimal("99999999999999.999999"), 6),
        ("decimal(18,4)", Decimal("99999999999999.9999"), 4),
        ("integer", Decimal(2**31 - 1), None),
    ],
)
def test_every_numeric_column_type_has_a_range(kind: str, limit: Decimal, scale: int) -> None:
    assert storage.capacity(kind) == (limit, scale)


def test_every_numeric_raw_column_type_is_understood() -> None:
    """A decimal or integer type the range check cannot read would go unchecked."""
    kinds = {kind for spec in DATASETS.values() for _, kind in spec.table.columns}
    numeric = {k for k in kinds if k.startswith(("decimal", "int", "bigint", "smallint"))}
    assert numeric >= {"decimal(18,2)", "decimal(20,6)", "decimal(18,4)", "integer"}
    assert all(storage.capacity(k) for k in numeric)


def test_more_decimals_than_stored_are_rounded_as_stored_and_warned(drop: Drop) -> None:
    """12,345,678.9 元 is 1234.56789 万元; decimal(18,2) keeps 1234.57, and the clerk is told."""
    header = ["项目编号", "报告期", "项目状态", "总投资（元）", "本期完成投资（万元）"]
    drop.csv("commerce/p.csv", ",".join(header) + "\nB08-P001,2023-05,在建,12345678.9,0.004\n")

    drop.run()

    log = drop.log()
    assert log["status"] == "accepted"
    row = drop.table("project_progress")[0]
    assert (row["total_investment"], row["period_investment"]) == (Decimal("1234.57"), 0)
    warnings = {
        (w["column_name"], w["rule"], w["reason_zh"]) for w in drop.table("submission_warning")
    }
    assert warnings == {
        (
            "总投资（元）",
            "precision_truncated",
            "数值 1234.56789万元 的小数位多于存储精度（2 位小数），按 1234.57万元 存储",
        ),
        (
            "本期完成投资（万元）",
            "precision_truncated",
            "数值 0.004万元 的小数位多于存储精度（2 位小数），按 0.00万元 存储",
        ),
    }
