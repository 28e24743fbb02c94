"""The rules lint.context runs over the edited OKR sets alone report there what a run over every set reports.

Every rule outside ``STRUCTURE_RULES`` and ``ROW_RULES`` must find, in one OKR set, the same
things whether the other OKR sets are in the model or not: checked on every rule's case file.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from test_rule_cases import load_cases

from linting import AS_OF, write_repo
from okrlint.config import load_config
from okrlint.lint.catalogue import all_rules
from okrlint.lint.context import ROW_RULES, STRUCTURE_RULES, focused
from okrlint.lint.run import lint_loaded
from okrlint.model.load import load_repository
from paths import TESTS

LOCAL = [r for r in all_rules() if r.check is not None and r.code not in STRUCTURE_RULES | ROW_RULES]


def _cases() -> list[Any]:
    return [
        pytest.param(case, id=f"{path.stem}-{i}")
        for path in sorted((TESTS / "rules" / "cases").glob("*.yaml"))
        for i, case in enumerate(load_cases(path))
    ]


@pytest.mark.parametrize("case", _cases())
def test_local_rules_need_no_other_okr_set(case: dict[str, Any], tmp_path: Path) -> None:
    config = load_config(write_repo(tmp_path, case["files"], case.get("config")))
    as_of = case.get("as_of", AS_OF)
    as_of = as_of if isinstance(as_of, date) else date.fromisoformat(as_of)
    loaded = load_repository(config)
    everything = lint_loaded(loaded, config, as_of, LOCAL)
    for okr_set in loaded.repo.okr_sets:
        path = okr_set.loc.path
        alone = lint_loaded(replace(loaded, repo=focused(loaded.repo, {path})), config, as_of, LOCAL)
        assert [f for f in alone if f.path == path] == [f for f in everything if f.path == path], path
