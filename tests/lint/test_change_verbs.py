"""The table of verbs of change: well formed, and each role it marks drives the reading that role names."""

from __future__ import annotations

import pytest

from okrlint.lint import activity_words, change_verbs, deliverable_words
from okrlint.lint.deliverables import judge_wording
from okrlint.lint.rewrites import suggest_rewrite
from okrlint.lint.wording import activity_phrase

ROWS = [(" ".join(words), way, frozenset(roles)) for words, way, roles in change_verbs._ROWS]
IDS = [verb for verb, _, _ in ROWS]


def test_table_is_well_formed() -> None:
    verbs = [verb for verb, _, _ in ROWS]
    assert len(verbs) == len(set(verbs)), "a verb is listed twice"
    for verb, way, roles in ROWS:
        assert way in {"up", "down", "even"}, verb
        assert roles and roles <= set("VCOGR"), verb
        assert "R" not in roles or way != "even", f"{verb}: the rewrite reads only up or down"


@pytest.mark.parametrize(("verb", "way", "roles"), ROWS, ids=IDS)
def test_a_vague_lead_makes_a_title_vague(verb: str, way: str, roles: frozenset[str]) -> None:
    kind = judge_wording(f"{verb.capitalize()} the onboarding flow").kind
    assert (kind == "vague") == ("V" in roles)


@pytest.mark.parametrize(("verb", "way", "roles"), [row for row in ROWS if "R" in row[2]], ids=lambda r: str(r))
def test_the_rewrite_hint_goes_the_verbs_way(verb: str, way: str, roles: frozenset[str]) -> None:
    hint = suggest_rewrite(f"{verb.capitalize()} onboarding") or ""
    assert f'e.g. "{"Raise" if way == "up" else "Cut"} onboarding' in hint


@pytest.mark.parametrize(("verb", "way", "roles"), ROWS, ids=IDS)
def test_a_growth_verb_counts_the_teams_output(verb: str, way: str, roles: frozenset[str]) -> None:
    found = activity_phrase(f"{verb.capitalize()} blog posts from 15 to 30")
    assert (found is not None) == ("G" in roles)


@pytest.mark.parametrize(("verb", "way", "roles"), ROWS, ids=IDS)
def test_each_role_set_holds_exactly_its_rows(verb: str, way: str, roles: frozenset[str]) -> None:
    first = verb.split()[0]
    assert (first in deliverable_words.VAGUE_VERBS) == ("V" in roles)
    assert (first in deliverable_words.CHANGE_VERBS) == ("C" in roles)
    assert (first in activity_words.OUTCOME_LEADS) == ("O" in roles)


def test_both_spellings_and_phrasal_verbs_are_read() -> None:
    assert judge_wording("Maximise the onboarding flow").kind == "vague"
    assert 'e.g. "Cut' in (suggest_rewrite("Minimise onboarding drop-off") or "")
    assert 'e.g. "Cut' in (suggest_rewrite("Speed   up the build") or "")
    assert "speed" in change_verbs.UP_PATTERN and "speed" not in change_verbs.DOWN_PATTERN
