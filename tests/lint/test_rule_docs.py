"""Every rule documents itself in ruff's four sections, and its examples do what they say."""

from __future__ import annotations

from pathlib import Path

import pytest

from linting import AS_OF, lint_files
from okrlint.lint.catalogue import all_rules
from okrlint.lint.docs import SECTIONS, examples, sections
from okrlint.lint.registry import Rule

RULES = all_rules()
LOADING = ["E001", "E002", "E003", "E006", "E007"]  # a good example must at least load


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_doc_has_the_four_sections(rule: Rule) -> None:
    assert tuple(sections(rule.doc)) == SECTIONS
    assert all(sections(rule.doc)[heading] for heading in SECTIONS)
    assert examples(rule.doc, "Example") and examples(rule.doc, "Use instead")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_example_fires(rule: Rule, tmp_path: Path) -> None:
    for i, example in enumerate(examples(rule.doc, "Example")):
        found = lint_files(tmp_path / str(i), example.files, as_of=example.as_of or AS_OF, select=[rule.code])
        assert [f.code for f in found if f.code == rule.code], f"{rule.code} Example #{i} does not fire"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_use_instead_is_clean(rule: Rule, tmp_path: Path) -> None:
    for i, example in enumerate(examples(rule.doc, "Use instead")):
        chosen = [rule.code, *LOADING]
        found = lint_files(tmp_path / str(i), example.files, as_of=example.as_of or AS_OF, select=chosen)
        assert not found, f"{rule.code} Use instead #{i} fires: {found}"
