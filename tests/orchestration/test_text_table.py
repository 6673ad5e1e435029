"""Query results as terminal text: wide characters take two columns, numbers align right."""

from decimal import Decimal

from orchestration.text_table import cell_text, display_width, render_table


def test_display_width_counts_wide_characters_twice_and_invisible_ones_not_at_all() -> None:
    assert display_width("GDP") == 3
    assert display_width("地区生产总值") == 12
    assert display_width("（万元）") == 8
    assert display_width("I01\u200b") == 3


def test_columns_line_up_whatever_the_script() -> None:
    lines = render_table(
        ["code", "名称", "value"],
        [("I01", "地区生产总值", Decimal("295.5")), ("I06", "有R&D活动企业比重", None)],
    )

    header, rule, *rows = lines
    assert header.split() == ["code", "名称", "value"]
    assert {display_width(line) for line in lines} == {display_width(rule)}
    assert [
        display_width(row[: row.index(name)])
        for row, name in zip(rows, ["地区", "有R"], strict=True)
    ] == [6, 6]
    assert rows[0].endswith(" 295.5") and rows[1].endswith(" NULL")


def test_values_are_shown_on_one_line_without_float_noise() -> None:
    assert cell_text(None) == "NULL"
    assert cell_text(0.1 + 0.2) == "0.3"
    assert cell_text("两行\n文本") == "两行 文本"
