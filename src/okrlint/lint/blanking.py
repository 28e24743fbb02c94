"""Blank what only looks like a quantity in a title: dates, periods, labels, names and identifiers.

:mod:`okrlint.lint.quantities` documents the grammar and reads the text this module returns; the
number words, labels and units both read live here too. Every pattern is written in lower case
and applied case-insensitively. An ASCII title (nearly all of them) is lowered once and matched
by twins of the patterns compiled without ``re.IGNORECASE`` (``util.lazyre.ascii_lowered``: the
same spans, without folding the case of every character), and the expensive date pattern runs
only when the title has what every date it matches needs (``_may_hold_date``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from okrlint.util.lazyre import ascii_lowered, lazy_compile

MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR_TAIL = r"(?:,?\s*(?:19|20)\d\d\b|\s*['’]\d\d\b)?"
LABELS = (
    "week|wk|sprint|day|month|quarter|iteration|phase|stage|step|tier|sev|severity|priority"
    "|version|release|wave|round|gen|generation|type|soc|iso|pci|dss|wcag|web|windows"
    "|ios|android|python|java|section|chapter|article|pillar|fortune|cohort|batch|fy|cy"
    # proposals and advisories by number, and runtimes, frameworks and protocols by version ("Rails 5", "TLS 1.2")
    "|rfc|pep|adr|kep|eip|fip|bip|cve|rails|ruby|node|nodejs|php|perl|rust|golang|kotlin|swift|scala|jdk|dotnet"
    "|postgres|postgresql|mysql|redis|kubernetes|react|angular|vue|django|ubuntu|debian|rhel|centos|fedora"
    "|macos|gitlab|tls|oauth|http"
)
_SMALL = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
WORD_VALUES: dict[str, float] = {w: float(i) for i, w in enumerate(_SMALL)}
WORD_VALUES |= {w: float(20 + 10 * i) for i, w in enumerate(_TENS)}
WORD_VALUES |= {"dozen": 12.0, "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}
NUMBER_WORDS = "|".join(sorted(WORD_VALUES, key=len, reverse=True))
SCALE = {"k": 3, "thousand": 3, "m": 6, "mm": 6, "mn": 6, "million": 6, "b": 9, "bn": 9, "billion": 9, "tn": 12}
_UNITS = (
    "%", "x", "pp", "pt", "pts", "bps", "percent", "pct", "h", "hr", "hrs", "d", "w", "wk",
    "wks", "mo", "mos", "y", "yr", "yrs", "ms", "s", "sec", "secs", "min", "mins", "gb", "mb",
    "tb", "kb", "kg", "km", "pb", "kib", "mib", "gib", "tib", "bit", "kbit", "mbit", "gbit", "bps", "kbps", "mbps",
    "gbps", "tbps", "fps", "rps", "qps", "rpm", "ns", "us", "µs", "khz", "mhz", "ghz", "px", "ops",
)  # fmt: skip
UNIT_SUFFIXES = frozenset(_UNITS) | frozenset(SCALE)

DATE_RE = lazy_compile(  # the leading guard skips positions inside words, for speed
    r"(?:(?<![^\W\d])|(?=['’]))(?:"
    + "|".join(
        (
            r"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b",
            r"\b\d{1,2}\.\d{1,2}\.(?:\d{4}|\d\d)\b",
            rf"\b{MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?\b{_YEAR_TAIL}",
            rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s*(?:of\s+)?{MONTH}(?![a-z]){_YEAR_TAIL}",
            r"\b(?:by|on|before|until|till)\s+the\s+\d{1,2}(?:st|nd|rd|th)\b",
            r"\b(?:fy|cy)\s*['’]?\d\d(?:\d\d)?\b",
            r"\b[qh][1-4](?:\s*(?:fy\s*)?(?:19|20)\d\d\b|\s*['’]\d\d\b|[/-](?:fy)?\d\d\b)?",
            r"\b(?:19|20)\d\d[\s/-]*[qh][1-4]\b",
            r"\b[1-4]q\s*['’]?\d\d(?:\d\d)?\b|\b[12]h\s*(?:['’]\d\d|(?:19|20)\d\d)\b",
            r"['’]\d\d(?![\d%\w])",
            r"\b(?:19|20)\d0['’]?s\b",
            r"\b(?:1[0-2]|0?[1-9])(?::\d\d)?\s*[ap]\.?m\b\.?",
            r"\bv?\d+\.\d+\.\d+\b",
            # "Release 4 new workshops" counts: a label's number before "new"/"more" things is not a name
            rf"\b(?:{LABELS})[\s-]*\d+(?:\.\d+)*\b(?!\s+(?:new|more|additional|extra)\b)",
        )
    )
    + ")",
    re.IGNORECASE,
)
# Where DATE_RE can match, lowered ASCII text has an apostrophe, a date pattern that starts at a
# digit, or a month, period or label word right before a number ("march 31", "fy 27", "q4",
# "week 6"). Read backwards, a number comes first: the search starts only at digits.
# tests/lint/test_blanking.py checks that DATE_RE never matches where _may_hold_date says no.
_DATE_AT_DIGIT_RE = lazy_compile(
    rf"\d(?:[-/.]\d++[-/.]\d|st|nd|rd|th|0'?s|\s*+[ap]\.?m\b|\s*+(?:of\s++)?{MONTH}(?![a-z]))"
)
_WORD_BEFORE_NUMBER_RE = lazy_compile(r"\d[\s.'-]*+([a-z]+)")  # in reversed text
_MONTH_WORDS = (
    "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july",
    "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december",
)  # fmt: skip
_DATE_WORDS = frozenset((*_MONTH_WORDS, "q", "h", *LABELS.split("|")))  # the labels hold fy and cy
NAME_RE = lazy_compile(
    r"(?<!\w)(?:"
    + "|".join(
        (
            rf"\b(?:{LABELS})[\s-]*(?:{NUMBER_WORDS})\b(?!\s+(?:new|more|additional|extra)\b)",
            r"\b(?:first|second|1st|2nd|back|latter|other)\s+half\b",
            r"\b(?:no|any|every|each|the|this|that|which)\s+one\b|\bone\s+(?:of|another)\b",
            r"\bdouble[\s-](?:down|check|click|edged)|\bzero[\s-](?:trust|based|day|touch"
            r"|sum|shot|knowledge|party|copy)\b|\bonce(?!\s+(?:a|an|per|every)\b)",
        )
    )
    + ")",
    re.IGNORECASE,
)
# Every name NAME_RE blanks, and every number word or multiplier quantities._WORD_RE reads, holds
# one of these (in lowered text): most titles hold none and skip both patterns.
NUMBER_WORD_HINT = lazy_compile(
    f"half|halv|doubl|tripl|quadrupl|once|twice|thrice|fold|third|fifth|tenth|quarter|single|{NUMBER_WORDS}"
)
DIGIT_RE = lazy_compile(r"\d")
ID_RE = lazy_compile(r"[#&]\d+|\bhttps?://\S+|\bwww\.\S+|\((?:e\.\s?g|i\.\s?e|eg|ie|for\s+example)\b[^()]*\)", re.I)
_THE_NAME_RE = lazy_compile(r"\bthe\s+(\d{2,})\s+([a-z]+)\b")
_DATE_WORD_RE = lazy_compile(r"\b(?:by|on|before|until|till|due|since|after)\s*$", re.IGNORECASE)
_SLASH_RE = lazy_compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d\d))?(?![\d/])")
_DATE_LOW = ascii_lowered(DATE_RE)
_NAME_LOW = ascii_lowered(NAME_RE)
_ID_LOW = ascii_lowered(ID_RE)


def prepare(title: str) -> tuple[str, str | None]:
    """Return NFKC text with every date, period and label blanked out, and that text lowered if it is ASCII."""
    text = unicodedata.normalize("NFKC", title).replace("−", "-")
    if not text.isascii():
        return _prepare_unicode(text), None
    low = text.lower()
    if NUMBER_WORD_HINT.search(low):
        text, low = _blanked(text, low, _NAME_LOW.finditer(low))
    if "#" in low or "&" in low or "(" in low or "http" in low or "www" in low:  # what ID_RE needs
        text, low = _blanked(text, low, _ID_LOW.finditer(low))
    if not DIGIT_RE.search(text):
        return text, low
    if "the" in text:
        text = _THE_NAME_RE.sub(_blank_the_name, text)
        low = text.lower()
    if _may_hold_date(low):
        text, low = _blanked(text, low, _DATE_LOW.finditer(low))
    if "/" in text:
        text = _SLASH_RE.sub(_blank_slash_date, text)
        low = text.lower()
    return text, low


def _may_hold_date(low: str) -> bool:
    """Return False when DATE_RE cannot match ``low`` (lowered ASCII text), as in most titles."""
    if "'" in low or _DATE_AT_DIGIT_RE.search(low):
        return True
    return any(m[1][::-1] in _DATE_WORDS for m in _WORD_BEFORE_NUMBER_RE.finditer(low[::-1]))


def _prepare_unicode(text: str) -> str:
    """Blank ``text`` (NFKC, not ASCII) with the case-insensitive patterns themselves."""
    text = ID_RE.sub(_blank, NAME_RE.sub(_blank, text))
    if not DIGIT_RE.search(text):
        return text
    text = _THE_NAME_RE.sub(_blank_the_name, text)
    return _SLASH_RE.sub(_blank_slash_date, DATE_RE.sub(_blank, text))


def _blanked(text: str, low: str, matches: Iterator[re.Match[str]]) -> tuple[str, str]:
    """Return ``text`` and ``low`` with the spans of ``matches`` (found in ``low``) replaced by spaces."""
    parts: list[str] = []
    last = 0
    for m in matches:
        start, end = m.span()
        parts += (text[last:start], " " * (end - start))
        last = end
    if not parts:
        return text, low
    parts.append(text[last:])
    text = "".join(parts)
    return text, text.lower()


def _blank_the_name(m: re.Match[str]) -> str:
    """Blank the number of "the 720 review" (a name), keep "the 10 accounts" (a count)."""
    word = m[2].lower()
    plural = word.endswith("s") and not word.endswith(("ss", "us", "is"))  # process, status, analysis: singular
    if plural or word in UNIT_SUFFIXES or word in WORD_VALUES or word in ("percent", "times"):
        return m.group()
    return m.group().replace(m[1], " " * len(m[1]), 1)


def _blank(m: re.Match[str]) -> str:
    """Return spaces as long as the match, so positions stay put."""
    return " " * len(m.group())


def _blank_slash_date(m: re.Match[str]) -> str:
    """Blank a ``d/m`` pair that reads as a date, keep one that reads as a fraction."""
    a, b, year = int(m[1]), int(m[2]), m[3]
    if a > 31 or b > 31 or a == 0 or b == 0:
        return m.group()
    padded = m[1].startswith("0") or m[2].startswith("0")
    dated = _DATE_WORD_RE.search(m.string, max(0, m.start() - 12), m.start())
    if not (year or padded or dated or a > 12 or b > 12) and a <= b <= 10:
        return m.group()
    return " " * len(m.group())
