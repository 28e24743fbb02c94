"""What lint.context decides: which rules need every OKR set, and which files an edit affects.

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
from okrlint.lint.context import ROW_RULES, STRUCTURE_RULES, affected_files, focused, neighbourhood
from okrlint.lint.run import lint_loaded
from okrlint.model.load import load_repository
from okrlint.model.summary import FileSummary, kr_key
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


def _log(*refs: str, kpis: frozenset[str] = frozenset()) -> FileSummary:
    return FileSummary("checkins", refers=frozenset(refs), kpis=kpis)


def _set(*defines: str, linked: frozenset[str] = frozenset(), broken: bool = False) -> FileSummary:
    incomplete = frozenset({"objectives"}) if broken else frozenset()
    return FileSummary("objectives", incomplete, frozenset(defines), linked_kpis=linked)


A, B = kr_key("a", "grow", "revenue"), kr_key("b", "ship", "latency")
BEFORE = {
    "a.yaml": _set(A),
    "b.yaml": _set(B, linked=frozenset({"nps"})),
    "log-a.yaml": _log(A),
    "log-b.yaml": _log(B),
    "kpi-log.yaml": _log(kpis=frozenset({"nps"})),
    "kpis.yaml": FileSummary("kpis"),
}


def test_an_edited_log_affects_the_sets_and_logs_about_its_key_results() -> None:
    after = {**BEFORE, "log-a.yaml": _log(A)}
    assert affected_files(BEFORE, after, {"log-a.yaml"}) == {"log-a.yaml", "a.yaml"}
    assert affected_files(BEFORE, after, {"kpi-log.yaml"}) == {"kpi-log.yaml", "b.yaml"}


def test_an_edited_set_affects_the_logs_naming_its_key_results_and_sets_defining_them() -> None:
    after = {**BEFORE, "c.yaml": _set(A)}
    assert affected_files(BEFORE, after, {"c.yaml"}) == {"c.yaml", "a.yaml", "log-a.yaml"}
    removed = {rel: s for rel, s in BEFORE.items() if rel != "a.yaml"}
    assert affected_files(BEFORE, removed, {"a.yaml"}) == {"log-a.yaml"}


@pytest.mark.parametrize(
    "after",
    [
        {**BEFORE, "kpis.yaml": FileSummary("kpis", defines=frozenset())},  # the catalogue itself
        {**BEFORE, "a.yaml": _set(A, broken=True)},  # now incomplete: references are held back everywhere
        {**BEFORE, "log-a.yaml": _log(A, kpis=frozenset({"churn"}))},  # a KPI starts being used
        {**BEFORE, "b.yaml": _set(B)},  # a KPI stops being linked
    ],
)
def test_edits_that_may_change_findings_anywhere_take_the_full_path(after: dict[str, FileSummary]) -> None:
    changed = {rel for rel in after if after[rel] is not BEFORE.get(rel)}
    assert affected_files(BEFORE, after, changed) is None


def _aligned(team: str, *up: str) -> FileSummary:
    return FileSummary("objectives", teams=frozenset({team}), aligns_to=frozenset(up))


def test_the_neighbourhood_follows_aligns_up_through_every_set_of_a_team() -> None:
    summaries = {
        "payments.yaml": _aligned("payments", "commerce"),
        "commerce-q4.yaml": _aligned("commerce"),
        "commerce-2026.yaml": _aligned("commerce", "company"),  # another period of the same team
        "company.yaml": _aligned("company"),
        "search.yaml": _aligned("search", "company"),  # aligns to the same parent: not read
        "risk.yaml": _aligned("risk", "payments"),  # aligns to the edited set: not read
        "kpis.yaml": FileSummary("kpis"),
    }
    assert neighbourhood(summaries, [summaries["payments.yaml"]]) == {"payments", "commerce", "company"}
    assert neighbourhood(summaries, [summaries["search.yaml"], summaries["risk.yaml"]]) == {
        "search",
        "company",
        "risk",
        "payments",
        "commerce",
    }
