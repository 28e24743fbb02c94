"""What a cadence in a key-result title schedules (SPEC Q301): "weekly team retros", "two posts per month",
"send newsletter weekly", "collect feedback on a quarterly basis", "Each quarter, host a session".

:mod:`okrlint.lint.activities` finds counted activities and falls back to this when a title counts nothing.
"""

from __future__ import annotations

from okrlint.lint.activity_tokens import CLAUSE_MARKS, Activity, Title, word_at
from okrlint.lint.activity_tokens import noun as _noun
from okrlint.lint.activity_words import EVIDENCE_WORDS, OUTPUT_NOUNS, STRONG_VERBS
from okrlint.lint.deliverable_words import lemma
from okrlint.util.lazyre import lazy_compile

__all__ = ["scheduled"]

_PERIOD_RE = lazy_compile(
    r"(?:hour|day|night|week|fortnight|sprint|month|quarter|year|release|iteration|milestone|cycle)s?"
)
_SCHEDULED_VERBS = STRONG_VERBS | {"ship", "release", "devote", "spend", "dedicate", "allocate"}
_ADVERBIAL = frozenset({"every", "per", "each", "once", "twice", "thrice"})
# words that follow a cadence used as an adverb, never one used as an adjective ("weekly active users")
_AFTER_ADVERB = frozenset(
    {"in", "to", "with", "by", "through", "until", "till", "for", "at", "on", "across", "during", "throughout"}
    | {"from", "starting", "before", "after", "via", "within"}
)


def _doing(word: str) -> bool:
    """Return True for the gerund of an activity verb ("weekly testing", "monthly reporting")."""
    return word.endswith("ing") and lemma(word, STRONG_VERBS | {"report"}) is not None


def scheduled(t: Title) -> Activity | None:
    """Return the activity a cadence schedules: "weekly team retros", "two posts per month", "ship every week"."""
    for cadence in t.cadences:
        if _evidence(t, cadence):
            continue  # "confirm progress, evidenced through … monthly reporting": how a result is shown
        if word_at(t.lower, cadence - 3) == "to" and word_at(t.lower, cadence - 2) == "be":
            continue  # "Develop a survey to be delivered annually": what the deliverable is for, not work scheduled
        if word_at(t.lower, cadence - 1) == "%":
            continue  # "% monthly projects with … plugins": a share of the items, a metric
        adverbial = t.lower[cadence] in _ADVERBIAL or t.lower[cadence][0].isdigit()  # "twice a year", "10 times a week"
        basis = False
        if not adverbial:
            for i in range(cadence + 1, min(len(t.words), cadence + 3)):
                noun = _noun(t.lower[i], OUTPUT_NOUNS) or (t.lower[i] if _doing(t.lower[i]) else None)
                if noun is not None:
                    return Activity(t.phrase(cadence, i), "", t.words[cadence], noun)
            basis = word_at(t.lower, cadence + 1) == "basis"  # "collect feedback on a quarterly basis": an adverb
            if not basis and word_at(t.lower, cadence + 1) not in ("", *CLAUSE_MARKS, *_AFTER_ADVERB):
                continue  # an adjective before a noun that is not output: "weekly active users"
            # "send newsletter weekly (to all members)": a cadence that ends its clause, or is followed by where,
            # to whom or until when, schedules what comes before it
        period = cadence + 1 if adverbial or basis else cadence
        while adverbial and period + 1 < len(t.words) and not _PERIOD_RE.fullmatch(t.lower[period]):
            period += 1
        if cadence <= 1 and word_at(t.lower, period + 1) == ",":
            ahead = _set_first(t, cadence, period + 2)  # "Each quarter, host …", "Twice a year, facilitate a session"
            if ahead is not None:
                return ahead
        window = range(cadence - 1, max(-1, cadence - (10 if basis else 6)), -1)
        nouns = [i for i in window if _noun(t.lower[i], OUTPUT_NOUNS)]
        verbs = [i for i in window if lemma(t.lower[i], _SCHEDULED_VERBS)]
        if verbs or (nouns and not basis):  # "Send the newsletter every week": from the verb, else the output noun
            first = verbs[0] if verbs else nouns[-1]
            while first > 0 and not verbs and _noun(t.lower[first - 1], OUTPUT_NOUNS):
                first -= 1  # "a case study every sprint"
            noun = _noun(t.lower[nouns[0]], OUTPUT_NOUNS) if nouns else ""
            verb = t.words[verbs[0]] if verbs else ""
            return Activity(t.phrase(first, period), verb, t.phrase(cadence, period), noun or "")
    return None


def _set_first(t: Title, cadence: int, start: int) -> Activity | None:
    """Return what a cadence set before the clause schedules: its verb or output noun ("Each quarter, ensure a
    breakout group is hosted", "Twice a year, facilitate a community feedback session")."""
    end = next((i for i in range(start, len(t.words)) if t.lower[i] in (".", ";")), len(t.words))
    if any(start <= c < end for c in t.counts):
        return None  # "Each quarter, each role has been performed by at least two people": a count measures it
    for i in range(start, min(end, start + 8)):
        verb, noun = lemma(t.lower[i], _SCHEDULED_VERBS), _noun(t.lower[i], OUTPUT_NOUNS)
        if verb or noun:
            return Activity(t.phrase(cadence, i), t.words[i] if verb else "", t.phrase(cadence, start - 2), noun or "")
    return None


def _evidence(t: Title, cadence: int) -> bool:
    """Return True when a cadence sits in a clause that says how a result is shown ("evidenced through …")."""
    for i in range(cadence - 1, max(-1, cadence - 12), -1):
        if t.lower[i] in (".", ";"):
            return False
        if t.lower[i] in EVIDENCE_WORDS and word_at(t.lower, i + 1) in ("through", "by", "via", "in"):
            return True
    return False
