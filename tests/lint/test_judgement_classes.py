"""Round 8 of issue 12: title grammar by class (numbers as written, placeholders, ongoing work, done-states)."""

from __future__ import annotations

import pytest

from okrlint.lint.activities import find_activity
from okrlint.lint.deliverables import judge_wording
from okrlint.lint.quantities import has_quantity, placeholder
from okrlint.lint.rewrites import suggest_rewrite


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


@pytest.mark.parametrize(
    ("title", "word"),
    [
        ("Training for core services will be provided", "will"),
        ("Coaching for new leads will be offered", "will"),
        ("Agency processes are constantly being evaluated", "are"),
        ("The team will serve as consultants for state agencies", "serve"),
        ("Act as the point of contact for partners", "Act as"),
        ("Advise service teams of their needs", "Advise"),
        ("Document and evangelize architecture designs", "evangelize"),
        ("plug leaks in the cohort analysis", "plug"),
    ],
)
def test_ongoing_work_and_standing_services_are_vague(title: str, word: str) -> None:
    """A service promised, work in progress, a role held or advocacy coordinated with a delivery is never done."""
    verdict = judge_wording(title)
    assert verdict.kind == "vague"
    assert word in " ".join(verdict.words)


@pytest.mark.parametrize(
    "title",
    [
        "Documentation is provided for every public API",
        "The experiment is analyzed and being continued if successful",
        "Draft and maintain the administration guides",
        "Users can create a pad from the URL bar",
        "A js-ipfs daemon will always find other daemons in the LAN",
    ],
)
def test_done_states_and_abilities_stay_deliverables(title: str) -> None:
    assert judge_wording(title).kind == "deliverable"


@pytest.mark.parametrize(
    ("title", "kind", "words"),
    [
        ("OKRs for Q2 are set", "deliverable", "are set"),
        ("Goals for Q3 have been set", "deliverable", "been set"),
        ("Draft strategy created for relationship pipeline and management", "deliverable", "Draft strategy"),
        ("Frictionless multi-channel experiences with all technology solutions", "vague", "Frictionless"),
        ("Application patching is done on time as the vendor recommends", "vague", "on time"),
        ("Build strong relationships with partners", "vague", "relationships"),
        ("Make use of the huge amount of data we capture", "vague", "huge"),
    ],
)
def test_done_states_praise_and_standards_by_their_words(title: str, kind: str, words: str) -> None:
    """Irregular participles are done-states and only a delivery verb's object decides praise; praise adjectives and
    standards with no measure ("on time") stay vague."""
    verdict = judge_wording(title)
    assert verdict.kind == kind
    assert words in " ".join(verdict.words)


@pytest.mark.parametrize(
    ("title", "counted"),
    [
        ("Review 100% of all initiative intake for enterprise opportunities", True),
        ("Review and assess 100% of IT requests for proposal", True),
        ("Map 100 % of intake processes", True),
        ("15% of processes are reviewed and updated annually", True),
        ("100% of school districts will be visited", True),
        ("Upstream 75% of our flexbox tests to w3c", True),
        ("We have planned 2 brainstorm sessions", True),
        ("Review 100% of merge requests within 2 days", False),
        ("100% of critical vulnerabilities are remediated", False),
        ("Convert 95% of e2e tests to the new runner", False),
        ("Increase review coverage to 80% of merge requests", False),
    ],
)
def test_work_done_on_a_share_of_the_teams_items_is_an_activity(title: str, counted: bool) -> None:
    """A work verb applied to a share of the team's items counts work; a state reached or a level is an outcome."""
    assert (find_activity(title) is not None) is counted


def test_rewrites_fill_symbol_placeholders_and_findings_quote_the_verb_group() -> None:
    assert suggest_rewrite("Create # blueprints").endswith('"Create 40 blueprints"')
    assert '"40% of services use single sign-on"' in suggest_rewrite("x% of services use single sign-on")
    assert judge_wording("Training for core services will be provided").words == ("will", "be", "provided")
    found = find_activity("Review 100% of all initiative intake")
    assert found is not None and found.phrase.startswith("Review 100% of all initiative")


def test_a_quoted_word_inside_counted_output_names_its_kind() -> None:
    found = find_activity("5 “test” events for in-person contribution")
    assert found is not None and found.noun == "event"
