"""Real titles written the ways people paste and spell them keep their verdicts (issue 12: titles as people write them).

Every title of the tuned corpus sets is rewritten the way titles arrive from documents and
habits: a list, tag or key-result label before it ("KR1: ", "1. ", "- [ ] ", "[Eng] "), bold or
status marks around it, a note after it ("(stretch)", "[done]", "- @jane", a grade "(0.7)"), Markdown
(the title as a link's text, in italics, with a line break or a comment),
doubled or no-break spaces, "&" for "and", "percent" for "%", British spelling. Each rewritten
corpus is linted pasted (no fields), and S201, Q301 and S202's ``milestone: true`` proposal must
say of every title what they say of it as written. The rewrites rotate over the titles (title *i*
gets rewrite *i* mod *n* of its group), so one lint run covers each group. The holdout set is left
out: its titles are not read during development.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from test_corpus import CORPUS, TUNED_SETS, Outcome, run_mode

Rewrite = Callable[[str], str]
Verdicts = tuple[bool, bool, bool]  # S201 reports it, Q301 reports it, S202 proposes `milestone: true`
_IZE = re.compile(r"\b(\w+?)iz(e|es|ed|ing|ation|ations)\b")  # British spelling: "optimized" → "optimised"


def _prefix(label: str) -> Rewrite:
    return lambda title: label + title


def _percent(title: str) -> str:
    return re.sub(r"(\d)\s?%", r"\1 percent", title)


LABELS = ("KR1: ", "KR 2.1 - ", "O1 KR3) ", "Key result 4: ", "1. ", "2.3) ", "- [ ] ", "**KR1:** ", "[Eng] ", "Ops: ")
GROUPS: dict[str, tuple[Rewrite, ...]] = {
    "labels and tags": tuple(map(_prefix, LABELS)),
    "bold and status marks": (
        lambda t: f"**{t}**",
        lambda t: f"{t} ✅",
        lambda t: f"🚀 {t}",
        lambda t: f"{t} ⚠️",
    ),
    "spacing": (lambda t: t.replace(" ", "  "), lambda t: t.replace(" ", "\u00a0"), lambda t: t.replace(" ", " \t")),
    "notes after it": (
        lambda t: f"{t} (stretch)",
        lambda t: f"{t} [done]",
        lambda t: f"{t} (@jane)",
        lambda t: f"{t} - @jane",
        lambda t: f"{t} (0.7)",
        lambda t: f"{t} — in progress",
        lambda t: f"{t} [Owner: Bob]",
    ),
    "markdown": (
        lambda t: f"[{t}](https://example.com/okrs/42)",
        lambda t: f"*{t}*",
        lambda t: f"_{t}_",
        lambda t: f"{t}<br>",
        lambda t: f"{t} <!-- from the planning doc -->",
    ),
    "symbols and spelling": (
        lambda t: t.replace(" and ", " & "),
        _percent,
        lambda t: _IZE.sub(r"\1is\2", t),
        lambda t: t.replace("'", "’"),
    ),
}


def _verdicts(outcomes: list[Outcome]) -> list[Verdicts]:
    """Return, per title, whether S201 and Q301 report it and whether S202 proposes ``milestone: true``."""
    return [
        ("S201" in o.codes, "Q301" in o.codes, "names a deliverable" in o.messages.get("S202", "")) for o in outcomes
    ]


@pytest.fixture(scope="module")
def tuned() -> list[dict[str, object]]:
    return [entry for entry in CORPUS if entry["set"] in TUNED_SETS]


@pytest.fixture(scope="module")
def as_written(tmp_path_factory: pytest.TempPathFactory, tuned: list[dict[str, object]]) -> list[Verdicts]:
    return _judged(tmp_path_factory.mktemp("as-written"), tuned)


def _judged(folder: Path, entries: list[dict[str, object]]) -> list[Verdicts]:
    """Return the verdicts of ``entries`` linted pasted, as the corpus test lints them."""
    saved = CORPUS[:]
    CORPUS[:] = entries
    try:
        return _verdicts(run_mode(folder, "pasted"))
    finally:
        CORPUS[:] = saved


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_rewriting_a_title_as_people_do_keeps_its_verdicts(
    tmp_path: Path, tuned: list[dict[str, object]], as_written: list[Verdicts], group: str
) -> None:
    rewrites = GROUPS[group]
    rewritten = [entry | {"title": rewrites[i % len(rewrites)](str(entry["title"]))} for i, entry in enumerate(tuned)]
    changed = [
        f"{old['title']!r} → {new['title']!r}: {before} → {after}"
        for old, new, before, after in zip(tuned, rewritten, as_written, _judged(tmp_path, rewritten), strict=True)
        if before != after
    ]
    assert not changed, f"{len(changed)} verdicts changed (S201, Q301, milestone proposed):\n" + "\n".join(changed[:20])
