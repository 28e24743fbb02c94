"""Does a key-result title measure something, name a binary deliverable, or state no outcome? (SPEC S201, S202).

S201 and S202 read a title through these, and so does the fix that adds ``milestone: true``
(``okrlint.fix.proposals``): the proposal in S202's message and the fix are one decision.
"""

from __future__ import annotations

import re
import unicodedata

from okrlint.lint.activities import find_activity
from okrlint.lint.activity_words import EVIDENCE_WORDS
from okrlint.lint.deliverables import Verdict, judge_wording, scoped_deliverable
from okrlint.lint.quantities import placeholder, quantities
from okrlint.lint.spelling import word_set
from okrlint.lint.wording import has_quantity, judged_text
from okrlint.util.lazyre import lazy_compile

__all__ = ["measures", "named_deliverable", "verdict"]

_EVIDENCE_RE = lazy_compile(
    rf"\b(?:{'|'.join(sorted(EVIDENCE_WORDS))})\s+(?:through|by|via|in)\b[^.;]*$", re.IGNORECASE
)
_PICK_RE = lazy_compile(r"\b(?:top|bottom|first|last|all)\s*$", re.IGNORECASE)
# a number right after these is a value or a time, not part of a name: "a score of 4.5", "Reach 1.0 NPS"
_BEFORE_VALUE = word_set("to of at above below over under than from by reach hit within in for after every each per")
_SIGNS = frozenset("≥≤<>~=+±")
_DURATION_RE = lazy_compile(r"[ -]?(?:month|year|week|day|quarter)s?\b", re.IGNORECASE)  # "12-month", "1 year"
_WINDOW_RE = lazy_compile(r"\b(?:last|past|previous|prior|trailing|rolling)\s+$", re.IGNORECASE)
_PARTICIPLE_RE = lazy_compile(r"\w{3,}ed\s+$", re.IGNORECASE)
_SCOPE_RE = lazy_compile(
    r"\b(?:for|in|across|among|each\s+of)(?:\s+(?:the|each\s+of\s+the))?(?:\s+(?:top|first))?\s*$", re.IGNORECASE
)


def measures(title: str) -> bool:
    """Return True when a quantity in the title measures something, not only sets a scope.

    A plain count after "for", "in", "across", ... ("in 3 key areas") or after "top", "bottom",
    "first", "last" ("the bottom three services") only picks what the title is about; "mentioned
    in 30 articles" measures (a participle before the preposition), and so does a floor ("across
    1,000+ pairs"). A cadence in a clause that says
    how a result is shown ("evidenced through … monthly reporting") measures nothing.
    """
    if not has_quantity(title):
        return False
    text = unicodedata.normalize("NFKC", title)
    for q in quantities(title):
        if q.unit == "cadence" and _EVIDENCE_RE.search(text, max(0, q.start - 100), q.start):
            continue
        if _WINDOW_RE.search(text, max(0, q.start - 12), q.start) and _DURATION_RE.match(text, q.end):
            continue  # "above the last 12 months' peaks": a period to compare with, not a value
        floor = "+" in text[q.start : q.end + 1]  # "across 1,000+ place pairs": a floor measures, it picks nothing
        plain = q.value is not None and not q.unit and not q.scale and q.per is None and not floor
        scope = _SCOPE_RE.search(text, max(0, q.start - 30), q.start)
        if scope and _PARTICIPLE_RE.search(text, max(0, scope.start() - 20), scope.start()):
            scope = None
        if not (plain and (scope or _PICK_RE.search(text, max(0, q.start - 12), q.start))):
            return True
    return False


def verdict(text: str, extra_vague: tuple[str, ...] = ()) -> Verdict | None:
    """Return whether a judged title (``judged_text``) with no measuring quantity is vague or names a deliverable.

    None when it measures. Rules pass ``judged_text(kr.title)``: a pasted "KR1: " or "1. " is not
    part of what the title says. A placeholder where the only number would go leaves the title
    unmeasured, whatever cadence it names ("% of users who log in weekly").
    """
    unwritten = placeholder(text) is not None and not any(char.isdigit() for char in text)
    return judge_wording(text, extra_vague) if unwritten or not measures(text) else None


def _names_only(text: str) -> bool:
    """Return True when every number in ``text`` names a version or a duration ("multistream 2.0", "12-month plan").

    A version follows the name it numbers; a number after a word that introduces a value ("score
    of 4.5", "reach 1.0", "≥0.01") or a time ("within one week") measures.
    """
    found = quantities(text)
    for q in found:
        before = text[: q.start].split()
        word = before[-1].strip("\"'“”‘’([").lower() if before else ""
        unit = q.unit not in ("", "year", "month", "week", "day", "quarter")  # "1 year product plans" sizes them
        sign = text[: q.start].rstrip()[-1:] in _SIGNS  # "≥0.01", "< 1 day"
        if unit or sign or q.scale or q.per is not None or word in _BEFORE_VALUE:
            return False
        version = "." in text[q.start : q.end].strip(".") and word.isalpha()
        if not (version or _DURATION_RE.match(text, q.end)):
            return False
    return bool(found)


def named_deliverable(title: str, extra_vague: tuple[str, ...] = ()) -> str | None:
    """Return the words that name a binary deliverable in the title, None when it measures, counts or is vague."""
    text = judged_text(title)
    judged = verdict(text, extra_vague)
    if judged is not None:
        return " ".join(judged.words) if judged.kind == "deliverable" else None
    if any(q.unit in ("%", "$", "x") or q.scale for q in quantities(text)) or find_activity(text):
        return None
    words = scoped_deliverable(text)
    if not words and _names_only(text):  # "multistream 2.0 is implemented", "A 12-month plan is written"
        named = judge_wording(text, extra_vague)
        words = named.words if named.kind == "deliverable" else None
    return " ".join(words) if words else None
