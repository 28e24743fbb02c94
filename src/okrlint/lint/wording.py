"""Analyse key-result wording: vague words, activities, rewrites, duplicates (S201, Q301, Q302).

Pure text functions with no dependency on the rest of okrlint. The number side (what counts
as a quantity, which numbers a title states) lives in :mod:`okrlint.lint.quantities` and is
re-exported here.

Activity heuristic (Q301): a title counts an activity when it *starts* with an activity verb
(conduct, publish, hold, run, host, send, ship, ...), then a plain count (digits or a number
word, optionally "at least"/"over"/"50+"; never a ``%``, currency or ``3x``), then up to three
modifier words and a known output noun (interviews, blog posts, webinars, campaigns,
features, calls, ...): "Conduct 50 customer interviews". The passive form "50 interviews
conducted" counts too. Outcome wording is left alone: "Launch checkout in 3 countries",
"Ship 95% of orders on time", "Onboard 40 merchants" (customers are an outcome).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from okrlint.lint.quantities import has_quantity, numbers_match, parse_number, title_numbers
from okrlint.lint.rewrites import suggest_rewrite

__all__ = [
    "DEFAULT_VAGUE_WORDS",
    "activity_phrase",
    "find_vague_words",
    "has_quantity",
    "is_vague",
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

_VERBS = (
    "conduct|publish|hold|write|launch|run|host|send|create|organi[sz]e|attend|complete"
    "|post|make|ship|deliver|do|perform|schedule|give|present|produce|record|release"
    "|interview|visit|submit|draft|prepare|facilitate|teach|arrange|build|design|develop"
    "|file|review|film|shoot|book|set\\s+up"
)
_PARTICIPLES = (
    "conducted|published|held|written|launched|run|hosted|sent|created|organi[sz]ed"
    "|attended|completed|posted|made|shipped|delivered|done|performed|scheduled|given"
    "|presented|produced|recorded|released|submitted|drafted|prepared|facilitated|built"
    "|designed|developed|filed|reviewed|booked"
)
_NOUNS = (
    "interview", "post", "blog_post", "article", "webinar", "campaign", "training", "session",
    "call", "meeting", "workshop", "video", "feature", "email", "newsletter", "event", "demo",
    "test", "experiment", "release", "talk", "presentation", "report", "case_study", "podcast",
    "episode", "survey", "prototype", "tutorial", "guide", "doc", "document", "course", "visit",
    "conference", "meetup", "hackathon", "whitepaper", "ebook", "press_release", "tweet",
    "story", "ad", "asset", "brochure", "infographic", "landing_page", "page", "lesson",
    "module", "pilot", "poc", "retrospective", "audit", "assessment", "pitch", "proposal",
    "message", "letter", "pull_request", "pr", "deck", "slide", "mockup", "wireframe",
    "dashboard", "playbook", "spec", "rfc", "1:1", "one-on-one", "qbr", "standup", "town_hall",
    "offsite", "booth", "trade_show", "roadshow", "seminar", "class", "lecture",
    "certification", "piece_of_content", "piece", "cold_call", "sales_call", "lunch-and-learn",
    "screening",
)  # fmt: skip


def _plural(noun: str) -> str:
    """Return a regex for a noun and its plural."""
    noun = re.escape(noun.replace("_", " "))
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "(?:y|ies)"
    return noun.replace("piece\\ of", "pieces?\\ of") + "(?:e?s)?"


_COUNT = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:k\b)?\+?|a\s+dozen|zero|one|two|three|four|five|six"
    r"|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred"
)
_NOUN_RE = "|".join(sorted((_plural(n) for n in _NOUNS), key=len, reverse=True))
_MODS = r"(?:[\w/&'’-]+\s+){0,3}"
_ACTIVITY_RE = re.compile(
    rf"\s*(?P<phrase>(?:{_VERBS})\s+(?:(?:at\s+least|a\s+total\s+of|over|more\s+than"
    rf"|up\s+to|another|an?\s+additional|additional)\s+)?(?:{_COUNT})\s+{_MODS}"
    rf"(?:{_NOUN_RE}))(?![\w-])"
    rf"|\s*(?P<passive>(?:{_COUNT})\s+{_MODS}(?:{_NOUN_RE})\s+(?:{_PARTICIPLES}))\b",
    re.IGNORECASE,
)
_DOT_RE = re.compile(r"(?<!\d)\.|\.(?!\d)")
_THOUSANDS_RE = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_SPACE_RE = re.compile(r"\s+")


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
    """Return the phrase that counts an activity (Q301), e.g. "Conduct 50 interviews", else None."""
    m = _ACTIVITY_RE.match(unicodedata.normalize("NFKC", title))
    if not m:
        return None
    return _SPACE_RE.sub(" ", m["phrase"] or m["passive"])


def _is_kept(char: str) -> bool:
    """Return True for characters a normalised title keeps: letters, digits, marks, % and ."""
    return char.isalnum() or char.isspace() or char in "%." or unicodedata.category(char)[0] == "M"


def normalise_title(title: str) -> str:
    """Return the title casefolded, NFKC-normalised, without punctuation, spaces collapsed."""
    text = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", title).casefold())
    text = "".join(c if _is_kept(c) else " " for c in _THOUSANDS_RE.sub("", text))
    text = _DOT_RE.sub(" ", text)
    return _SPACE_RE.sub(" ", text).strip()
