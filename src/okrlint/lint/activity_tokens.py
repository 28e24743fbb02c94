"""Tokens of a key-result title as Q301's grammar reads them: words, counts, cadences, the object a count counts, and
the activity found.

:mod:`okrlint.lint.activities` holds the grammar of activities; this module splits a title and reads its
numbers (SPEC Q301).
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

from okrlint.lint.activity_words import OUTPUT_NOUNS, STAFF_NOUNS, STOPS, STRONG_VERBS, WEAK_VERBS
from okrlint.lint.deliverable_words import lemma
from okrlint.lint.quantities import quantities, title_numbers
from okrlint.util.lazyre import lazy_compile

__all__ = ["CLAUSE_MARKS", "Activity", "Title", "noun", "run", "verb", "word_at"]

_TOKEN_RE = lazy_compile(r"[^\W\d_][\w'’&/-]*|\+?\d[\d,.]*\+?|[^\w\s]")
_ALL_VERBS = STRONG_VERBS | WEAK_VERBS
_MULTIPLIED = frozenset({"more", "as", "higher", "larger", "bigger", "faster", "fewer", "less", "the"})
_SIZE_RE = lazy_compile(r"(?:second|minute|hour|day|page|word|slide)s?")
CLAUSE_MARKS = frozenset({":", ";", "-", "—", "–", ",", "(", "."})
_QUOTES = frozenset({'"', "“", "”", "‘", "’"})


class Activity(NamedTuple):
    """An activity a title counts: the phrase as written, its verb, its count or cadence, and its output noun."""

    phrase: str
    verb: str
    number: str
    noun: str


def noun(word: str, nouns: frozenset[str]) -> str | None:
    """Return the singular of ``word`` when it is in ``nouns`` (posts -> post, stories -> story)."""
    low = word.lower().strip("'’")
    if low in nouns:
        return low
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("'s", "")):
        if low.endswith(suffix) and low[: -len(suffix)] + repl in nouns:
            return low[: -len(suffix)] + repl
    return None


class Title:
    """A title split into tokens, with the token indexes of its plain counts and cadences."""

    def __init__(self, title: str) -> None:
        self.text = unicodedata.normalize("NFKC", title)
        self.spans = [(m.start(), m.end()) for m in _TOKEN_RE.finditer(self.text)]
        self.words = [self.text[a:b] for a, b in self.spans]
        self.lower = [w.lower() for w in self.words]
        found = quantities(title)
        starts = {a + (self.words[i][0] == "+"): i for i, (a, _) in enumerate(self.spans)}
        self.counts = [
            starts[q.start] for q in found if q.value is not None and not q.unit and q.per is None and q.start in starts
        ]
        # "Write 3x 5 minute blog posts": "3x" right after an activity verb counts items, it multiplies nothing
        times = [
            starts[q.start] for q in found if q.unit in ("x", "times") and self._after_verb(starts.get(q.start, -1))
        ]
        self.counts = sorted(self.counts + times)
        cadences = [starts[q.start] for q in found if q.unit == "cadence" and q.start in starts]
        self.cadences = [i for i in cadences if not self._named(i)]
        shares = [starts[q.start] for q in found if q.unit == "%" and q.start in starts]
        # "100% of team members participate in 1 POC": a share of the team doing an activity frames nothing
        self.staff_share = any(self._of_staff(i) for i in shares)
        units = [q.unit for q in found if q.unit in ("%", "$", "x") and starts.get(q.start) not in times]
        self.framed = (bool(units) and not (self.staff_share and units == ["%"])) or title_numbers(title)[0] is not None

    def _after_verb(self, i: int) -> bool:
        """Return True when "Nx" at token ``i`` counts output right after its verb ("Create 3x videos", "tweet 100
        times"), not a multiplier ("Ship 2x more releases", "create 10x headroom", "run 3 times faster")."""
        done = verb(self.lower[i - 1]) if i >= 1 else None
        if done is None or word_at(self.lower, i + 2) in _MULTIPLIED:
            return False
        if word_at(self.lower, i + 1) == "times":  # "tweet 100 times": the work repeated, counted
            return done in STRONG_VERBS
        first, last = run(self, i)
        return first < len(self.words) and noun(self.lower[last], OUTPUT_NOUNS) is not None

    def _named(self, i: int) -> bool:
        """Return True for a cadence inside a capitalised name ("the 2019 Monthly Financial Review Process")."""
        opens = i == 0 or self.lower[i - 1] in CLAUSE_MARKS
        nxt = self.words[i + 1] if i + 1 < len(self.words) else ""
        return not opens and self.words[i][0].isupper() and nxt[:1].isupper()

    def _of_staff(self, i: int) -> bool:
        """Return True when the share at token ``i`` is a share of the team's own people ("100% of PMs")."""
        after = [w for w in self.lower[i + 1 : i + 8] if w != "%"]
        return after[:1] == ["of"] and any(noun(w, STAFF_NOUNS) for w in after[:6])

    def phrase(self, first: int, last: int) -> str:
        """Return the text from token ``first`` to token ``last``, as written."""
        return self.text[self.spans[first][0] : self.spans[last][1]]


def run(t: Title, count: int) -> tuple[int, int]:
    """Return the first and last token of the words a count counts ("3 user tests" -> user tests)."""
    first = count + 1
    while first < len(t.words) and t.lower[first] == "(":
        first = next((j for j in range(first, min(first + 6, len(t.words))) if t.lower[j] == ")"), first) + 1
    while word_at(t.lower, first) in _QUOTES:
        first += 1  # '5 “test” events'
    if word_at(t.lower, first) == "such" and word_at(t.lower, first + 1) != "as":
        first += 1  # "Publish 3 such blogs": more of a kind already named
    while word_at(t.lower, first) == "#" and word_at(t.lower, first + 1)[:1].isalpha():
        first += 2  # "3 #HowDoI blogs"
    if word_at(t.lower, first) in ("-", "–", "to") and word_at(t.lower, first + 1)[:1].isdigit():
        first += 2  # "fund 3-5 engagements", "3 to 5 talks": a range counts like its low end
    if word_at(t.lower, first) == "x":
        first += 1  # "3x posts"
    if word_at(t.lower, first) == "or" and word_at(t.lower, first + 1) in ("more", "greater"):
        first += 2  # "25 or more releases"
    if word_at(t.lower, first)[:1].isdigit() and _SIZE_RE.fullmatch(word_at(t.lower, first + 1)):
        first += 2  # "3x 5 minute blog posts": the size of each
    if first >= len(t.words):
        return first, first
    last = i = first
    while i < min(count + 7, len(t.words)):
        low = t.lower[i]
        if low == "(":
            close = next((j for j in range(i, min(i + 6, len(t.words))) if t.lower[j] == ")"), None)
            if close is None:
                break  # a bracket that does not close soon is an aside: "2+ stat formats (markdown table vs. …"
            i = close + 1
            continue
        if low in _QUOTES:  # '5 “test” events': a quoted word names a kind of the counted output
            i += 1
            continue
        if low == "#" and word_at(t.lower, i + 1)[:1].isalpha():  # "3 such #HowDoI blogs": a tag names the kind
            i += 2
            continue
        if (
            not low[0].isalpha()
            or low in STOPS
            or low in ("a", "an", "the")
            or (low.endswith("ing") and i > first and not noun(low, OUTPUT_NOUNS) and not _modifies(t, i))
        ):
            break
        last = i
        i += 1
    while last > first and t.lower[last].endswith("ed") and not noun(t.lower[last], OUTPUT_NOUNS):
        last -= 1  # "20 case studies added": the participle is not the noun
    return first, last


def _modifies(t: Title, i: int) -> bool:
    """Return True when the gerund at ``i`` modifies an output noun after it: "3 OSS funding tools"."""
    return noun(word_at(t.lower, i + 1), OUTPUT_NOUNS) is not None


def word_at(words: list[str], i: int) -> str:
    """Return the word at ``i``, or an empty string outside the list."""
    return words[i] if 0 <= i < len(words) else ""


def verb(word: str) -> str | None:
    """Return the activity verb a word is a form of, "re-" verbs included (rewrite -> write, rebuild -> build)."""
    if "/" in word:  # "launch/test", "resolve/support": a slashed pair reads as its verbs, strongest first
        verbs = [v for part in word.split("/") if part and (v := verb(part))]
        return next((v for v in verbs if v in STRONG_VERBS), verbs[0] if verbs else None)
    found = lemma(word, _ALL_VERBS)
    if found is None and word.startswith("re") and len(word) > 5:
        found = lemma(word[2:].lstrip("-"), _ALL_VERBS)
    return found
