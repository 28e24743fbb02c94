"""Turn report numbers, dates and statuses into the short texts both scorecard formats show."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date
from typing import Any

from okrlint.scoring.formulas import GRADES, STATUSES
from okrlint.util.numbers import scientific

__all__ = [
    "FILTERS",
    "GRADES",
    "STATUSES",
    "days_ago",
    "grade_word",
    "long_date",
    "number",
    "percent",
    "short_date",
    "status_word",
    "value",
]

_STATUS_WORDS = {
    "done": "Done",
    "on-track": "On track",
    "at-risk": "At risk",
    "off-track": "Off track",
    "no-data": "No data",
    "healthy": "Healthy",
    "breached": "Breached",
}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def finite(raw: Any) -> float | None:
    """Return raw as a finite float (bools and non-numbers give None)."""
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        return None
    f = float(raw)
    return f if math.isfinite(f) else None


def number(raw: Any) -> str:
    """Format a number for people: 1180 -> "1,180", 99.95 -> "99.95", 0.8812 -> "0.8812"; None -> "–"."""
    v = finite(raw)
    if v is None:
        return "–"
    if v == 0:
        return "0"
    if abs(v) >= 1e15:
        return scientific(v)
    decimals = max(0, min(6, 3 - math.floor(math.log10(abs(v)))))
    text = f"{v:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def value(raw: Any, unit: Any = None) -> str:
    """Format a number with its unit: "400 ms", "64%", "5,910,000 USD"; None -> "–"."""
    text = number(raw)
    if text == "–" or not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def percent(raw: Any) -> str:
    """Format a 0..1 score as a whole percentage ("62%"); None -> "n/a"."""
    v = finite(raw)
    if v is None:
        return "n/a"
    return f"{math.floor(v * 100 + 0.5):d}%"


def status_word(status: Any) -> str:
    """Return a KR status or KPI health in words ("at-risk" -> "At risk")."""
    text = str(status or "no-data")
    return _STATUS_WORDS.get(text, text.replace("-", " ").capitalize())


def grade_word(grade: Any) -> str:
    """Return a grade in words ("green" -> "Green"; None -> "No score")."""
    return str(grade).capitalize() if grade else "No score"


def _as_date(raw: Any) -> date | None:
    """Parse an ISO date (or pass a date through); anything else gives None."""
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(str(raw)[:10])
    except ValueError:
        return None


def short_date(raw: Any) -> str:
    """Format an ISO date as "23 Nov" (locale-independent); None -> "–"."""
    d = _as_date(raw)
    return f"{d.day} {_MONTHS[d.month - 1]}" if d else "–"


def long_date(raw: Any) -> str:
    """Format an ISO date as "23 Nov 2026" (locale-independent); None -> "–"."""
    d = _as_date(raw)
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}" if d else "–"


def days_ago(raw: Any, as_of: Any) -> str:
    """Say how long before ``as_of`` a date was: "today", "1 day ago", "12 days ago"."""
    d, ref = _as_date(raw), _as_date(as_of)
    if d is None or ref is None:
        return ""
    days = (ref - d).days
    if days <= 0:
        return "today" if days == 0 else f"in {-days} day{'s' if days != -1 else ''}"
    return f"{days} day{'s' if days != 1 else ''} ago"


FILTERS: dict[str, Callable[..., Any]] = {
    "number": number,
    "value": value,
    "percent": percent,
    "status_word": status_word,
    "grade_word": grade_word,
    "short_date": short_date,
    "long_date": long_date,
    "days_ago": days_ago,
}
