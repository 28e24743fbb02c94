"""Analyse key-result wording: vague words, activities, rewrites, duplicates (S201, Q301, Q302).

Pure text functions with no dependency on the rest of okrlint. The number side (what counts
as a quantity, which numbers a title states) lives in :mod:`okrlint.lint.quantities` and is
re-exported here.

Deliverables (S201/S202) are told from vague wishes in :mod:`okrlint.lint.deliverables`, activities
(Q301) are found in :mod:`okrlint.lint.activities` and rewrites are built in
:mod:`okrlint.lint.rewrites`; this module keeps the vague-word list and title normalisation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from okrlint.lint.activities import find_activity
from okrlint.lint.quantities import has_quantity, numbers_match, parse_number, title_numbers
from okrlint.lint.rewrites import suggest_rewrite
from okrlint.util.lazyre import lazy_compile

__all__ = [
    "DEFAULT_VAGUE_WORDS",
    "activity_phrase",
    "find_vague_words",
    "has_quantity",
    "is_vague",
    "judged_text",
    "normalise_title",
    "numbers_match",
    "parse_number",
    "suggest_rewrite",
    "title_numbers",
]

DEFAULT_VAGUE_WORDS: tuple[str, ...] = (
    "improve", "enhance", "better", "more", "increase", "decrease", "significantly",
    "substantially", "dramatically", "considerably", "world-class", "best-in-class",
    "industry-leading", "state-of-the-art", "as much as possible", "where possible",
    "optimize", "optimise", "boost", "strengthen", "maximize", "maximise", "minimize",
    "minimise", "grow", "reduce", "lower", "raise", "streamline", "robust", "seamless",
    "efficient", "effective", "excellent", "great", "faster", "easier", "smoother",
    "delightful", "drive", "foster", "ensure", "enable", "leverage", "accelerate",
    "expand", "modernize", "modernise", "further", "continue to", "work on", "focus on",
)  # fmt: skip

_DOT_RE = lazy_compile(r"(?<!\d)\.|\.(?!\d)")
_THOUSANDS_RE = lazy_compile(r"(?<=\d),(?=\d{3}(?!\d))")
_SPACE_RE = lazy_compile(r"\s+")
# A list, tag or key-result label people paste with a title: "- [ ] ", "[Eng] ", "Infra: ", "KR1: ", "**KR 2.1** - ",
# "O1 KR3) ", "Key result 4: ", "1. ", "2.3) ". A number is a label only when a mark and a space follow it
# ("1.5x faster" and "3 posts" are untouched).
_LABEL_RE = lazy_compile(  # every run of spaces is possessive: giving spaces back never helps a match
    r"[ \t]*+(?:[-*+•][ \t]++)?(?:\[[^\]\n]{0,24}\][ \t]*+)?(?:(?-i:[A-Z])[\w&+./-]{1,20}:[ \t]++)?(?:(?:\*\*|__)?"
    r"(?:O(?:bj(?:ective)?)?[ \t]?\d{1,3}[ \t]*+[.:/-]?[ \t]*+)?(?:KR|Key[ \t]++results?)[ \t]*+#?[ \t]*+"
    r"(?:\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?(?:\*\*|__)?(?:[ \t]*+[:.)\-–—](?:\*\*|__)?[ \t]++|[ \t]++(?=(?-i:[A-Z])))"
    r"|[:.)\-–—](?:\*\*|__)?[ \t]++)"
    r"|\d{1,3}(?:\.\d{1,3}){0,3}[.)][ \t]++)?",
    re.IGNORECASE,
)
# A whole title in bold, italics or quotes, as pasted from a document: '**Ship SSO**', '*Ship SSO*', '"2 webinars."'.
_WRAPPED_RE = lazy_compile(r"(\*\*|__|[\"“'‘*_])(?=\S)(.*?\S)(\*\*|__|[\"”'’*_])", re.DOTALL)
_PAIRS = {"**": "**", "__": "__", '"': '"', "“": "”", "'": "'", "‘": "’", "*": "*", "_": "_"}
# Markdown as pasted from a README or an issue: a link keeps its text ("[Improve onboarding](https://…)"), code
# spans their words, and HTML comments and line breaks are not read.
_LINK_RE = lazy_compile(r"\[([^\[\]\n]{1,200})\]\((?:https?://|www\.|/|#|\.)[^()\s]{0,400}\)")
_MARKUP_RE = lazy_compile(r"<!--.{0,400}?-->|<br\s*/?>|`", re.IGNORECASE | re.DOTALL)


@lru_cache(maxsize=64)
def _vague_matcher(words: tuple[str, ...]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """Compile one regex for a vague-word list and map each spelling back to its entry."""
    canon: dict[str, str] = {}
    parts: list[str] = []
    for word in words:
        key = _key(word)
        if not key or key in canon:
            continue
        canon[key] = word.strip().lower()
        body = r"[\s-]+".join(re.escape(p) for p in key.split())
        if re.fullmatch(r"[a-z]+", key):
            stem = key[:-1] if key.endswith("e") else key
            body = re.escape(stem) + ("(?:e|es|ed|ing)" if stem != key else "(?:s|es|ed|ing)?")
        parts.append(body)
    if not parts:
        return None, canon
    parts.sort(key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])", re.IGNORECASE), canon


def _key(word: str) -> str:
    """Return a vague word or phrase with case, hyphens and spacing folded."""
    return " ".join(p for p in re.split(r"[\s-]+", word.lower()) if p)


def _canonical(found: str, canon: dict[str, str]) -> str | None:
    """Return the list entry a matched spelling belongs to."""
    key = _key(found)
    if key in canon:
        return canon[key]
    for suffix in ("ing", "es", "ed", "s", ""):
        stem = key.removesuffix(suffix) if suffix else key
        for cand in (stem, stem + "e"):
            if cand in canon:
                return canon[cand]
    return None


def _is_mark(char: str) -> bool:
    """Return True for a space or a pictograph people mark a title's status with ("✅", "🚀", "⚠️")."""
    return char.isspace() or unicodedata.category(char) == "So" or char in "\ufe0f\u200d"


def _marks_stripped(title: str) -> str:
    """Return the title without status marks and spaces at either end (scanned once from each end)."""
    start, end = 0, len(title)
    while start < end and _is_mark(title[start]):
        start += 1
    while end > start and _is_mark(title[end - 1]):
        end -= 1
    return title[start:end]


# A note pasted after a title: a bracketed tag ("[done]", "[Owner: Bob]", "[P1]"), an owner mention ("(@jane)",
# "- @jane"), a status or stretch note in brackets or after a dash ("(stretch)", "— DONE"), a grade ("(0.7)").
_STATUS = (
    r"done|completed?|achieved|missed|wip|in[ \t]progress|on[ \t]track|at[ \t]risk|off[ \t]track|blocked|ongoing"
    r"|not[ \t]started|started|cancell?ed|dropped|deferred|carried[ \t]over|stretch(?:[ \t]goal)?|p[0-3]"
)
_NOTE_RE = lazy_compile(
    rf"[ \t]*+(?:\[[^\[\]\n]{{1,30}}\]|\((?:@[\w.-]{{1,30}}|{_STATUS}|0?\.\d{{1,2}}|1\.0)\)"
    rf"|[-–—][ \t]*+(?:@[\w.-]{{1,30}}|(?:{_STATUS})\b)|@[\w.-]{{1,30}})[ \t.]*+\Z",
    re.IGNORECASE,
)


def _unmarked(markup: re.Match[str]) -> str:
    """Return what a piece of markup reads as: nothing for a code span's backtick, a space for the rest."""
    return "" if markup[0] == "`" else " "


_PERCENT_RE = lazy_compile(r"(?<=\d)[ \t]?(?:per[ \t]?cent|pct)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def judged_text(title: str) -> str:
    """Return the title as the judgement rules read it (S201, S202, S205, Q301 and the milestone fix).

    Without a pasted list or key-result label, bold, quotes or status marks ("**KR1:** Ship SSO ✅"
    → "Ship SSO"), notes after it ("Ship SSO (stretch) [done]", "- @jane", a grade "(0.7)") or Markdown
    (a link reads as its text, "[Ship SSO](https://…)", code spans as their words, comments not at all);
    every run of spaces, tabs, line breaks or no-break spaces as one space, a spelled-out percent as
    "%" ("100 percent of" → "100% of"), " & " as " and ", ">=" and "<=" as "≥" and "≤".
    """
    text = (
        _MARKUP_RE.sub(_unmarked, _LINK_RE.sub(r"\1", title)) if "[" in title or "<" in title or "`" in title else title
    )
    rest = _PERCENT_RE.sub("%", _SPACE_RE.sub(" ", _marks_stripped(text)))
    rest = rest.replace(" & ", " and ").replace(">=", "≥").replace("<=", "≤")
    rest = rest[_LABEL_RE.match(rest).end() :]  # type: ignore[union-attr]  # every part is optional: always matches
    for _ in range(3):  # "Ship SSO (stretch) [done]": a note or two after the title
        note = _NOTE_RE.search(rest)
        if note is None or not note.start():
            break
        rest = rest[: note.start()]
    wrapped = _WRAPPED_RE.fullmatch(rest.strip())
    if wrapped and _PAIRS[wrapped[1]] == wrapped[3] and wrapped[1] not in wrapped[2]:
        rest = wrapped[2]
    return rest if rest.strip() else title


def find_vague_words(title: str, vague_words: Iterable[str]) -> list[str]:
    """Return the vague words and phrases in the title, in order, once each, as listed."""
    pattern, canon = _vague_matcher(tuple(vague_words))
    if pattern is None:
        return []
    found: list[str] = []
    for m in pattern.finditer(unicodedata.normalize("NFKC", title)):
        entry = _canonical(m.group(), canon)
        if entry is not None and entry not in found:
            found.append(entry)
    return found


def is_vague(title: str, vague_words: Iterable[str]) -> bool:
    """Return True when the title states no quantity (S201); vague words only enrich the message."""
    return not has_quantity(title)


def activity_phrase(title: str) -> str | None:
    """Return the phrase that counts or schedules an activity (Q301), e.g. "Conduct 50 interviews", else None."""
    found = find_activity(title)
    return None if found is None else _SPACE_RE.sub(" ", found.phrase)


def _is_kept(char: str) -> bool:
    """Return True for characters a normalised title keeps: letters, digits, marks, % and ."""
    return char.isalnum() or char.isspace() or char in "%." or unicodedata.category(char)[0] == "M"


class _Punctuation(dict[int, str]):
    """A ``str.translate`` table that turns every character a normalised title drops into a space.

    Filled on demand, one entry per distinct character ever seen.
    """

    def __missing__(self, code: int) -> str:
        char = chr(code)
        self[code] = shown = char if _is_kept(char) else " "
        return shown


_PUNCTUATION = _Punctuation()


def normalise_title(title: str) -> str:
    """Return the title casefolded, NFKC-normalised, without punctuation, spaces collapsed."""
    text = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", title).casefold())
    text = _THOUSANDS_RE.sub("", text).translate(_PUNCTUATION)
    text = _DOT_RE.sub(" ", text)
    return _SPACE_RE.sub(" ", text).strip()
