"""Round 8 of issue 12: title grammar by class (numbers as written, placeholders, ongoing work, done-states)."""

from __future__ import annotations

import pytest

from okrlint.lint.deliverables import judge_wording
from okrlint.lint.quantities import has_quantity, placeholder


@pytest.mark.parametrize(
    ("title", "quantity"),
    [
        ("Increase the engagement mean by .2", True),
        ("Raise the maturity score by .5 points", True),
        ("Version 1.2.3 is released", False),
        ("Fix the crash in Node.js", False),
    ],
)
def test_a_decimal_written_without_its_zero_is_a_quantity(title: str, quantity: bool) -> None:
    assert has_quantity(title) is quantity


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("x% of state services use single sign-on", "x%"),
        ("Create # blueprints", "#"),
        ("X# of citations of our best practices", "X#"),
        ("Fix #9607 in the parser", None),
        ("Ship the issue # tracker", None),
        ("Close 2 gaps", None),
    ],
)
def test_a_symbol_where_the_count_goes_is_a_placeholder(title: str, shown: str | None) -> None:
    assert placeholder(title) == shown
    if shown is not None:
        assert judge_wording(title) == ("vague", (shown,))
