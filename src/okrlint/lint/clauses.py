"""Where a key-result title's own clause starts: past prefixes, a leading setting and working together (SPEC S201).

"KR1: we will ship X", "After finalizing v1, explore Y", "Work with recruiting to ensure Z": the verb that
:mod:`okrlint.lint.deliverables` judges is not the title's first word. Every scan is a bounded single pass.
"""

from __future__ import annotations

from okrlint.lint.deliverable_words import DELIVERY_VERBS, SKIP, TOGETHER, WITH, lemma
from okrlint.lint.sentences import at

__all__ = ["lead_index", "purpose_index"]

_MODALS = frozenset({"will", "can", "could", "should", "must", "shall"})
_PRONOUNS = frozenset({"we", "i", "you", "they"})
_SETTING = frozenset({"after", "before", "once", "when", "while", "for", "upon", "until", "during", "given"})


def _setting(words: list[str]) -> int:
    """Return where the main clause starts after a leading setting: "After finalizing v1, explore …", "For each
    engagement, confirm progress …", "Given sufficient requirements, each engineer can …" (the verb comes after the
    comma, within 15 words); 0 when the title opens with its clause."""
    if not words or words[0].lower() not in _SETTING:
        return 0
    for i in range(1, min(len(words) - 1, 16)):
        if words[i] == ",":  # the main clause opens with its verb, not a participle or adverb
            return i + 1 if not words[i + 1].lower().endswith(("ing", "ly")) else 0
        if words[i] in (":", ";", ".", "—", "–", " - ", "(", ")"):
            break
    return 0


def lead_index(words: list[str]) -> int:
    """Return the index of the first word that can carry the title's verb, past prefixes, adverbs and a setting."""
    i = _setting(words)
    while i < len(words) and (
        words[i].lower().strip("[]") in SKIP
        or words[i] in ":;—–"
        or (words[i].lower() in ("start", "begin", "continue", "try", "aim", "strive") and at(words, i + 1) == "to")
        or (words[i].lower() in _MODALS and i > 0 and words[i - 1].lower() in _PRONOUNS)  # "We will ship X": ship
    ):
        i += 1
    return i


def purpose_index(words: list[str], start: int) -> int:
    """Return where the real verb is when the title leads with working together: "Work with X to <verb>",
    "Collaborate on and deliver a list of tests" (the delivery verb coordinated with it)."""
    if lemma(at(words, start).lower(), TOGETHER) is None:
        return start
    for i in (start + 1, start + 2):
        if at(words, i).lower() in ("and", "&") and lemma(at(words, i + 1).lower(), DELIVERY_VERBS):
            return i + 1
    if at(words, start + 1).lower() not in WITH:
        return start
    for i in range(start + 2, min(len(words) - 1, start + 10)):
        if words[i].lower() == "to" and words[i + 1].isalpha():
            return i + 1  # "Work with recruiting to ensure all KPIs are automated": the purpose is the result
        if words[i] in (".", ";", ":"):
            break
    return start
