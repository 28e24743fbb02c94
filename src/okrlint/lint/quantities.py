"""Find quantities, dates and numbers in key-result titles (SPEC S201, S205).

Digits count as a quantity (``75``, ``4.5``, ``1,200``, ``20%``, ``$5M``, ``3x``, ``12h``)
unless they only name a point in time or a label:

* dates: ``2026-11-30``, ``31/03``, ``03/31/2026``, ``31.03.2026``, ``March 31``,
  ``31st of March``, ``Mar 31, 2026``, ``by the 15th``, ``5pm``; a slash pair with both
  parts <= 12 and no zero padding reads as a fraction when it looks like one (``1/3``);
* periods: ``Q2``, ``H1``, ``FY27``, ``FY 2027``, ``Q4 2026``, ``Q4'26``, ``2026-Q4``,
  ``'26``, ``1990s``, "first/second half";
* years: a bare 1900-2099 is a year, unless it carries a currency, ``%``, a unit or
  magnitude (``2000 ms``, ``2050k``) or follows a target word (``reach``, ``above``,
  ``under``, "a total of", ...) or a comparison sign (``≥2000 records``). Write ``2,000`` for a count of two thousand;
* points in a sequence: ``week 6``, ``sprint 3``, ``day-7``, ``phase one``, ``tier 1``;
* identifiers: digits glued to letters (``p95``, ``P1``, ``D30``, ``B2B``, ``a11y``, ``v2``, ``2FA``, ``5G``),
  ``GPT-4``-style names, numbered stages (``1-Discovery``), ordinals (``3rd-party``), versions
  (``1.2.3``), and ``SOC 2`` / ``ISO 27001`` / ``Python 3.12`` / ``Fortune 500``, proposals and advisories by
  number (``RFC 42``, ``PEP 8``, ``CVE-2024-1234``) and runtimes, frameworks and protocols by version (``Rails 5``,
  ``Node 18``, ``TLS 1.2``, ``HTTP 500``); ``18 PM`` is no time.

Number words count too: ``zero`` ... ``twelve``, tens, ``hundred`` ... ``billion``,
``dozen``, ``once``/``twice`` (before a/per/every), ``double``/``triple``/``quadruple``/
``halve``/``half`` and their inflections, ``a third``/``two thirds``. Not as names:
``one-click``, ``two-factor``, ``zero trust``, ``double down``, ``no one``, ``one of``.
A lowercase ``m`` suffix is a million, like ``M``: write ``min`` for minutes.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from okrlint.lint.blanking import (
    DIGIT_RE,
    LABELS,
    NUMBER_WORD_HINT,
    NUMBER_WORDS,
    SCALE,
    UNIT_SUFFIXES,
    WORD_VALUES,
    prepare,
)
from okrlint.util.lazyre import ascii_lowered, lazy_compile

__all__ = [
    "Quantity",
    "has_quantity",
    "headlines",
    "numbers_match",
    "parse_number",
    "placeholder",
    "quantities",
    "title_numbers",
]

_MULTIPLIERS = (
    r"(?:doubl|tripl|quadrupl)(?:e[sd]?|ing)|halv(?:e[sd]?|ing)|half|twice|thrice"
    r"|(?:two|three|four|five|ten)fold"
)
_COUNT = r"(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"  # "every 2 weeks", "every 4-6 weeks"
_CADENCE_RE = lazy_compile(
    r"(?<![\w-])(?:(?:bi|semi)-?)?(?:hourly|daily|nightly|weekly|fortnightly|monthly|quar?terly|yearly|annually)"
    r"(?![\w-])(?!\s+active\b)|\b(?:(?:once|twice|thrice|\d+\s+times)\s+(?:a|an)|every|per|each)\s+"
    rf"(?:(?:other|{_COUNT}(?:\s*+[-–]\s*+{_COUNT}|\s++(?:to|or)\s++{_COUNT})?|few|couple\s+of)\s+)?(?:hour"
    r"|day|night|week|fortnight|sprint|month|quarter|year|release|iteration|milestone|cycle)s?\b",
    re.IGNORECASE,
)
# The letters before a number are taken whole ("++"): giving some back cannot match, since a
# hyphen, currency or digit must follow them, and trying costs a step for each letter of each word.
_NUM_RE = lazy_compile(
    r"(?<![\w.,])(?:(?P<pre>[A-Za-z]++)(?P<hy>-)?)?(?P<cur>[$€£¥₹]\s?)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+(?!\d|\.\d))"  # ".2", ".2.": a decimal without its 0
    r"(?P<suf>[A-Za-z]+|\s?%)?(?:\s(?P<mag>(?i:thousand|million|billion|bn|mn|mm|k)|M)\b)?"
)
_WORD_RE = lazy_compile(
    rf"(?<![\w-])(?:(?P<mul>{_MULTIPLIERS}|once|(?:a|one|two|three|four)\s+(?:third|fifth"
    r"|tenth)s?|three\s+quarters|a\s+quarter\s+of|single[\s-]digits?)"
    rf"|(?P<w>{NUMBER_WORDS})(?:\s+(?P<mag>hundred|thousand|million|billion)\b)?)"
    r"(?:-(?P<next>[\w-]+))?(?![\w])",
    re.IGNORECASE,
)
_UNIT_RE = lazy_compile(
    r"\s*(?:%|(?:percent|pct|pp|pts?|points?|bps|ms|s|secs?|seconds?|mins?|minutes?|h|hrs?"
    r"|hours?|d|days?|wks?|weeks?|months?|years?|x|times|k|bn|m|thousand|million"
    r"|billion|stars?|digits?|usd|eur|gbp|dollars?|euros?|gb|mb|tb|kb)\b)",
    re.IGNORECASE,
)
_TARGET_BEFORE_RE = lazy_compile(
    r"(?:\b(?:to|reach(?:es|ing)?|hit(?:ting)?|at\s+least|at\s+most|below|under|above|over"
    r"|beyond|exceed(?:s|ing)?|surpass(?:es|ing)?|at(?:\s+or\s+(?:above|below))?"
    r"|(?:less|more|fewer|greater|higher|lower)\s+than)|[≥≤<>]=?)"
    r"\s*(?:~|about\s|around\s|approximately\s)?\s*$"
    r"|\b(?:reach|hit|achieve|attain|maintain|keep|hold)\b[^\d]{0,40}?\bof\s*$",
    re.IGNORECASE,
)
_SIDE_BEFORE_RE = lazy_compile(
    r"\b(?:within|for|in|per|every|each|after|during|over\s+the\s+(?:next|last|past))\s*(?:~|about\s|around\s)?$",
    re.IGNORECASE,
)
_SCOPE_BEFORE_RE = lazy_compile(r"\b(?:over|across|among|in|of)\s*$", re.IGNORECASE)
_SIDE_AFTER_RE = lazy_compile(r"\s*(?:[a-z]+\s+)?off\b", re.IGNORECASE)
_OF_AFTER_RE = lazy_compile(r"\s*of\b", re.IGNORECASE)
_FROM_RE = lazy_compile(r"\bfrom\s*(?:~|about\s|around\s|approximately\s)?\s*$", re.IGNORECASE)
# Words between two numbers are matched possessively ("++"): "[^\W\d]+\s*" repeated could
# split one long word in cubically many ways before failing.
_ARROW_RE = lazy_compile(r"\s*(?:[^\W\d]++\s*){0,3}(?:→|⟶|➝|➞|->|-->|=>)\s*", re.IGNORECASE)
_FROM_TO_RE = lazy_compile(r"\s*(?:[^\W\d]++\s*){0,3}\bto\s*", re.IGNORECASE)
_BARE_TO_RE = lazy_compile(rf"(?:{_UNIT_RE.pattern})?\s*to\s*", re.IGNORECASE)
_PARSE_RE = lazy_compile(
    r"\s*(?P<s1>[-+])?\s*(?:[$€£¥₹]|usd|eur|gbp)?\s*(?P<s2>[-+])?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+|[a-z]+)"
    r"(?:\s*(?P<suf>%|[a-z]+))?(?:\s*(?:[$€£¥₹]|usd|eur|gbp))?\s*",
    re.IGNORECASE,
)
_WORD_LOW = ascii_lowered(_WORD_RE)
_CADENCE_LOW = ascii_lowered(_CADENCE_RE)
_ORDINALS = frozenset(("st", "nd", "rd", "th"))
_COMPOUND_RE = lazy_compile(
    rf"(?:percent|point|star|digit|second|minute|hour|day|week|month|quarter|year|time|fold"
    rf"|x|{NUMBER_WORDS})s?",
    re.IGNORECASE,
)
# a letter standing in for a number nobody wrote: "increases by X%", "handling X claims", "from X to Y", "< $X"
_PLACEHOLDER_RE = lazy_compile(
    r"(?:[$€£<>≤≥]\s?|\b(?:by|from|than|least|most|reach|hit|handling)\s+)(?P<a>X{1,3}|Y{1,2}|N)(?![\w'’-])"
    r"|\b(?P<b>X{1,3}|Y{1,2}|N)(?:\s?%|\s+[a-z][a-z-]*s\b)"
    # a lower-case "x%", or a "#" (alone or after X) where the count goes: "x% of services", "Create # blueprints"
    r"|(?<![\w#])(?P<c>x(?=\s?%|\s+number\b|\s+[a-z][a-z-]*s\b)|X{0,3}#(?=\s+(?:of\s+)?[a-z][a-z-]*s\b))"
    r"|\A\s*(?P<d>%)(?=\s*[a-z])"  # a share with its number left out: "% monthly projects with … usage"
)
PLACEHOLDER_LETTERS_RE = lazy_compile(
    r"(?<![\w#])X{0,3}#(?![\w#])|(?<![\w'’-])(?:X{1,3}|Y{1,2}|N)(?![\w'’#-])"
    r"|(?<![\w'’-])x(?=\s?%|\s+number\b|\s+[a-z][a-z-]*s\b)|\A(?=%\s*[a-z])"
)
_LOOKBACK = 80  # characters searched before a number for "from", "reach ... of", etc.
_YEAR_RE = lazy_compile(r"(?:19|20)\d\d")
_LABEL_SET = frozenset(LABELS.split("|"))
_YEAR_COUNT_RE = lazy_compile(
    r"(?:\b(?:reach(?:es|ing)?|hit|exceed(?:s|ing)?|surpass(?:es|ing)?|above|below|under|top"
    r"|at\s+(?:least|most)|than|total\s+of)|[≥≤<>⩾⩽]=?)\s*$",
    re.IGNORECASE,
)


class Quantity(NamedTuple):
    """One quantity in a title: value (None for multipliers and cadences), span, unit, scale and denominator.

    ``scale`` is the power of ten a magnitude applied (``1.5 million``: 6, value 1500000.0);
    ``per`` is the denominator of a fraction or score (``3/4``: value 3.0, per 4.0).
    """

    value: float | None
    start: int
    end: int
    unit: str
    scale: int = 0
    per: float | None = None


def _scaled(num: str, suffix: str) -> float | None:
    """Return ``num`` times the magnitude named by ``suffix``, None if not finite."""
    digits = num.replace(",", "") if "," in num else num
    scale = SCALE.get(suffix.lower(), 0) if suffix else 0
    value = float(f"{digits}e{scale}") if scale else float(digits)  # the decimal read once: exact at any scale
    return value if math.isfinite(value) else None


def _digit_quantity(text: str, m: re.Match[str]) -> Quantity | None:
    """Return the quantity a digit match stands for, None for labels and years."""
    pre, hy, cur, num, suf, mag = m.group("pre", "hy", "cur", "num", "suf", "mag")
    suf = suf.strip().lower() if suf else ""
    if pre and not cur and (not hy or pre.isupper() or pre.lower() in _LABEL_SET):
        return None
    staged = text[m.end() : m.end() + 1] == "-" and text[m.end() + 1 : m.end() + 2].isupper()  # "1-Discovery"
    if staged or (suf and (suf in _ORDINALS or suf not in UNIT_SUFFIXES)):
        return None
    after = _UNIT_RE.match(text, m.end())
    bare_year = not (cur or suf or mag or after) and _YEAR_RE.fullmatch(num)
    if bare_year and not _YEAR_COUNT_RE.search(text, max(0, m.start() - _LOOKBACK), m.start()):
        return None
    unit = "$" if cur else suf or (mag or "").lower()
    if not unit and after:
        unit = after.group().strip().lower()
    unit = "%" if unit in ("percent", "pct") else unit
    start = m.start("cur") if cur else m.start("num")
    return Quantity(_scaled(num, mag or suf), start, m.end(), unit, SCALE.get((mag or suf).lower(), 0))


def _word_quantity(m: re.Match[str]) -> Quantity | None:
    """Return the quantity a number-word match stands for, None for names like one-click."""
    word, nxt = m["w"] or m["mul"], m["next"]
    if nxt and word.lower() != "zero" and not _COMPOUND_RE.fullmatch(nxt.split("-")[0]):
        return None
    if not m["w"]:
        return Quantity(None, m.start(), m.end("mul"), "")
    value = WORD_VALUES[word.lower()]
    if m["mag"]:
        scale = int(math.log10(WORD_VALUES[m["mag"].lower()]))
        return Quantity(value * WORD_VALUES[m["mag"].lower()], m.start(), m.end("mag"), "", scale)
    return Quantity(value, m.start(), m.end("w"), "")


@lru_cache(maxsize=4096)
def _quantities(title: str) -> tuple[str, tuple[Quantity, ...]]:
    """Return the blanked text and its quantities in order of appearance."""
    text, low = prepare(title)
    return text, _found(text, low)


def _found(text: str, low: str | None) -> tuple[Quantity, ...]:
    """Return the quantities of blanked ``text``; ``low``, its lowered form when ASCII, is read faster (blanking)."""
    if low is None:
        words, cadences = _WORD_RE.finditer(text), _CADENCE_RE.finditer(text)
    else:
        words = _WORD_LOW.finditer(low) if NUMBER_WORD_HINT.search(low) else iter(())
        # what _CADENCE_RE needs: "-ly", "per", "every", "each", "once a", "twice  a", "3 times a" (any spacing)
        spoken = "times" in low or "once" in low or "twice" in low or "thrice" in low
        cadence = spoken or "ly" in low or "per" in low or "every" in low or "each" in low
        cadences = _CADENCE_LOW.finditer(low) if cadence else iter(())
    found = [q for m in words if (q := _word_quantity(m))]
    found += [Quantity(None, m.start(), m.end(), "cadence") for m in cadences]
    if DIGIT_RE.search(text):
        found += [q for m in _NUM_RE.finditer(text) if (q := _digit_quantity(text, m))]
    return _fractions(text, sorted(found, key=lambda q: q.start))


def _fractions(text: str, found: list[Quantity]) -> tuple[Quantity, ...]:
    """Join "3/4" and "9/10" (kept as fractions by the date pass) into one quantity with a denominator."""
    joined: list[Quantity] = []
    for q in found:
        last = joined[-1] if joined else None
        if last and last.value is not None and q.value and q.start == last.end + 1 and text[last.end] == "/":
            joined[-1] = last._replace(end=q.end, unit=q.unit or last.unit, per=q.value)
        else:
            joined.append(q)
    return tuple(joined)


def quantities(title: str) -> tuple[Quantity, ...]:
    """Return the title's quantities in order: value (None for multipliers and cadences), span and unit."""
    return _quantities(title)[1]


def has_quantity(title: str) -> bool:
    """Return True when the title states a quantity (SPEC S201), not only a date or label."""
    return bool(_quantities(title)[1])


def placeholder(title: str) -> str | None:
    """Return the placeholder a title writes instead of a number ("X%", "N", "XX"), else None.

    The corpus labelling rules read them as no quantity: "increases by X%", "handling N tickets",
    "from X to Y", "< $X", "x% of services", "have x services under ansible", "Create # blueprints",
    "X# of citations" (a letter alone in a name, "Launch on X", and an id, "#9607", are not ones).
    """
    lower_x = "x%" in title or " x " in title or title.lstrip().startswith(("x ", "%"))  # "have x services", "% of"
    if "X" not in title and "Y" not in title and "N" not in title and "#" not in title and not lower_x:
        return None  # most titles: no letter to read (the search below costs more than these scans)
    m = _PLACEHOLDER_RE.search(title)
    if m is None:
        return None
    group = next(g for g in ("a", "b", "c", "d") if m[g])
    return m[group] + ("%" if title[m.end(group) : m.end(group) + 1] == "%" else "")


def headlines(title: str) -> tuple[tuple[Quantity, Quantity] | None, tuple[Quantity, ...]]:
    """Return the title's headline pair ("from A to B", "A → B") if any, and its target candidates in order.

    Targets are numbers after "to", "reach", "at least", "below", "an NPS of", ...; numbers in
    side clauses are left out: "within 10 minutes", "for 2 quarters", "at least 3 days off",
    "over 3/4 of active teams". A scale written once covers both ends: "from 1.2 to 1.5 million".
    """
    text, found = _quantities(title)
    nums = [q for q in found if q.value is not None]
    for a, b in itertools.pairwise(nums):
        between = text[a.end : b.start]
        from_before = _FROM_RE.search(text, max(0, a.start - _LOOKBACK), a.start)
        if (
            _ARROW_RE.fullmatch(between)
            or (from_before and _FROM_TO_RE.fullmatch(between))
            or (a.unit == b.unit and _BARE_TO_RE.fullmatch(between))
        ):
            low, high = a.value, b.value
            if b.scale and not a.scale and low is not None and high is not None and low < 10 * high / 10**b.scale:
                a = a._replace(value=low * 10**b.scale, scale=b.scale)  # "from 1.2 to 1.5 million"
            return (a, b), ()
    targets = tuple(q for q in nums if _is_target(text, q))
    return None, targets


def _is_target(text: str, q: Quantity) -> bool:
    """Return True when a number follows a target word and is not in a side clause."""
    before = max(0, q.start - _LOOKBACK)
    if not _TARGET_BEFORE_RE.search(text, before, q.start) or _SIDE_BEFORE_RE.search(text, before, q.start):
        return False
    if _SIDE_AFTER_RE.match(text, q.end):
        return False
    return not (_OF_AFTER_RE.match(text, q.end) and _SCOPE_BEFORE_RE.search(text, before, q.start))


def title_numbers(title: str) -> tuple[float | None, float | None]:
    """Return the (from, to) numbers a title states for S205, None where it states none.

    "from A to B" and "A → B" give (A, B); a bare "A to B" only when both carry the same
    unit (so "grow 20% to $6M" is not a pair); "to B", "reach B", "at least B", "below B",
    "an NPS of B", ... give (None, B). Dates, years, labels and side clauses are never picked.
    """
    pair, targets = headlines(title)
    if pair is not None:
        return pair[0].value, pair[1].value
    return (None, targets[0].value) if targets else (None, None)


_ZONE_BEFORE_RE = lazy_compile(r"\b(commit|target|stretch)(?:\s*(?::|=|of|at))?\s*$", re.IGNORECASE)


def zone_numbers(title: str) -> dict[str, float]:
    """Return the stretch-zone points a title names: "commit 40, target 50, stretch 60" -> each value.

    A point counts when its word stands right before the number ("stretch 60", "target: 50",
    "commit of 40"); the first number after each word wins.
    """
    text, found = _quantities(title)
    named: dict[str, float] = {}
    for q in found:
        word = _ZONE_BEFORE_RE.search(text, max(0, q.start - 16), q.start)
        if q.value is not None and word is not None:
            named.setdefault(word[1].lower(), q.value)
    return named


def parse_number(text: str) -> float | None:
    """Return the number written in ``text`` (``1.2k``, ``$5M``, ``20%``, ``seven``), else None.

    Magnitudes scale (k, M/m/mm/mn, bn/B, tn and the words, case-insensitive); ``%``, ``x`` and time or size
    units are kept as written (``20%`` -> 20.0, ``12h`` -> 12.0). Anything else is None.
    """
    m = _PARSE_RE.fullmatch(unicodedata.normalize("NFKC", text).replace("−", "-"))
    if not m or (m["s1"] and m["s2"]):
        return None
    num, suf = m["num"], m["suf"] or ""
    if num[-1].isalpha():
        if num.lower() not in WORD_VALUES:
            return None
        num = str(int(WORD_VALUES[num.lower()]))
    if suf and suf.lower() not in UNIT_SUFFIXES:
        return None
    value = _scaled(num, suf)
    if value is None:
        return None
    return -value if "-" in (m["s1"], m["s2"]) else value


def numbers_match(a: float, b: float) -> bool:
    """Return True when two numbers are equal up to title rounding (0.5 % relative).

    ``abs(a - b) <= max(1e-9, 0.005 * max(|a|, |b|))``: "1.2k" matches 1195-1205 but not 1234; NaN matches nothing.
    """
    if a == b:
        return True
    return abs(a - b) <= max(1e-9, 0.005 * max(abs(a), abs(b)))
