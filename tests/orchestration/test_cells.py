"""Free text from submissions is defused before any spreadsheet can run it as a formula."""

from __future__ import annotations

import pytest

from orchestration.cells import neutralise


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=cmd|' /C calc'!A0", ("'=cmd|' /C calc'!A0", "=")),
        ("@SUM(1)", ("'@SUM(1)", "@")),
        ("+1+cmd", ("'+1+cmd", "+")),
        ("-2+3", ("'-2+3", "-")),
        ("  =1+1", ("'  =1+1", "=")),
        ("\tHYPERLINK", ("'\tHYPERLINK", "\t")),
        ("\r=1", ("'\r=1", "\r")),
        ("\n=1", ("'\n=1", "\n")),
    ],
)
def test_text_that_starts_like_a_formula_gets_an_apostrophe(
    text: str, expected: tuple[str, str]
) -> None:
    assert neutralise(text) == expected


@pytest.mark.parametrize("text", ["-5%", "+3", "-1,234.5", "正常备注", "", "a=b"])
def test_plain_text_and_signed_numbers_are_left_alone(text: str) -> None:
    assert neutralise(text) == (text, None)
