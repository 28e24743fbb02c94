"""Read a title's headline numbers in a key result's unit (SPEC S205).

Scale words and suffixes (``k``, ``thousand``, ``M``, ``million``, ``bn``) agree with a
field written in a unit that carries the same scale (``kUSD``, ``MUSD``, ``k users``,
``million dollars``) or with the full value; ``3/4`` agrees with 75 in ``%`` (and with 0.75
or 3 otherwise); numbers in another kind of unit than the KR's (``within 10 minutes`` on a
KR in ``%``) are not its target, but a duration is the target of a KR counted in time.
"""

from __future__ import annotations

import re

from okrlint.lint.quantities import Quantity, headlines, numbers_match, quantities
from okrlint.util.lazyre import lazy_compile

__all__ = ["agrees", "said_numbers", "unit_scale"]

_SCALE_PREFIX_RE = lazy_compile(
    r"\s*(?:(?P<k>k|thousands?\b)|(?P<m>m|mm|mn|millions?\b)|(?P<b>b|bn|billions?\b))\s*(?:[a-z$€£]|$)", re.IGNORECASE
)
_DURATIONS = frozenset(
    [
        "ms",
        "s",
        "sec",
        "secs",
        "second",
        "seconds",
        "min",
        "mins",
        "minute",
        "minutes",
        "h",
        "hr",
        "hrs",
        "hour",
        "hours",
        "d",
        "day",
        "days",
        "wk",
        "wks",
        "week",
        "weeks",
        "mo",
        "mos",
        "month",
        "months",
        "quarter",
        "quarters",
        "y",
        "yr",
        "yrs",
        "year",
        "years",
    ]
)
_PERCENT = frozenset({"%", "percent", "pct", "pp", "percentage", "percentage points"})


def unit_scale(unit: str | None) -> int:
    """Return the power of ten a unit carries: 3 for ``kUSD`` or ``k users``, 6 for ``MUSD``, else 0."""
    m = _SCALE_PREFIX_RE.match(unit or "")
    if m is None or (unit or "").strip().lower() in _DURATIONS | {"mb", "kb", "gb", "m"}:
        return 0
    return 3 if m["k"] else 6 if m["m"] else 9


def _kind(unit: str | None) -> str:
    """Return the kind of a unit: duration, percent or other (empty when unknown)."""
    low = (unit or "").strip().lower()
    if low in _DURATIONS:
        return "duration"
    return "percent" if low in _PERCENT else ""


def _comparable(q: Quantity, unit: str | None) -> bool:
    """Return False when a title number is in another kind of unit than the KR (minutes vs %)."""
    said, field = _kind(q.unit), _kind(unit)
    return not (unit and said and field and said != field) and not (unit and said == "duration" and not field)


def said_numbers(title: str, unit: str | None) -> tuple[Quantity | None, Quantity | None]:
    """Return the (from, to) quantities a title states, read for a KR in ``unit``."""
    pair, targets = headlines(title)
    if pair is not None:
        return pair if all(_comparable(q, unit) for q in pair) else (None, None)
    target = next((q for q in targets if _comparable(q, unit)), None)
    if target is None and _kind(unit) == "duration":  # "Answer pages within 10 minutes" on a KR in minutes
        target = next((q for q in quantities(title) if q.value is not None and _kind(q.unit) == "duration"), None)
    return None, target


def agrees(q: Quantity, field: float, unit: str | None) -> bool:
    """Return True when a field value is what the title's quantity says, in the KR's unit."""
    if q.value is None:
        return True
    values = [q.value]
    if unit_scale(unit):
        values.append(q.value / 10 ** unit_scale(unit))
    if q.per:
        values += [q.value / q.per, 100 * q.value / q.per]
    return any(numbers_match(v, field) for v in values)
