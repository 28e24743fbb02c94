"""The static rule table (lint/ruletable.py) says what the registered rules say."""

from __future__ import annotations

import pytest

from okrlint.lint.catalogue import all_rules, unknown_selectors
from okrlint.lint.findings import FIXABLE
from okrlint.lint.ruletable import RULE_TABLE, RuleInfo
from okrlint.lint.selection import Selection


def _table_line(info: RuleInfo) -> str:
    return f'    RuleInfo("{info.code}", "{info.name}", Severity.{info.severity.name}, fixable={info.fixable}),'


def test_the_table_lists_every_registered_rule() -> None:
    registered = tuple(RuleInfo(r.code, r.name, r.severity, r.code in FIXABLE) for r in all_rules())
    expected = "\n".join(_table_line(info) for info in registered)
    assert registered == RULE_TABLE, f"rewrite RULE_TABLE in src/okrlint/lint/ruletable.py as:\n{expected}"


@pytest.mark.parametrize(
    ("select", "ignore"),
    [(("ALL",), ()), (("S2",), ("S203",)), (("vague-key-result", "T"), ("t404",)), (("E00",), ("ALL",))],
)
def test_codes_from_the_table_are_those_of_the_rules(select: tuple[str, ...], ignore: tuple[str, ...]) -> None:
    selection = Selection(select, ignore)
    assert selection.codes() == {r.code for r in selection.rules()}


def test_unknown_selectors_from_the_table() -> None:
    assert unknown_selectors(["S2", "vague-key-result", "ALL"]) == []
    assert unknown_selectors(["vague-key-resul"]) == [
        "'vague-key-resul' names no rule (did you mean 'vague-key-result'?)"
    ]
