"""Periods: quarters, halves, years (with a fiscal-year start) and explicit date ranges."""

from __future__ import annotations

import calendar
from datetime import date

from okrlint.util.lazyre import lazy_compile
from okrlint.util.records import record

_PERIOD_RE = lazy_compile(r"(?P<year>[0-9]{4})(?:-(?P<kind>[QH])(?P<n>[1-4]))?\Z")


@record(order=True)
class Period:
    """A named span of days; both ends inclusive. Ordered by start, then end."""

    start: date
    end: date
    id: str

    def contains(self, other: Period) -> bool:
        """Return True when ``other`` lies entirely inside this period."""
        return self.start <= other.start and other.end <= self.end

    def contains_date(self, day: date, grace_days: int = 0) -> bool:
        """Return True when ``day`` is inside the period, allowing ``grace_days`` either side."""
        # Day numbers, not dates: a grace before 0001-01-01 or after 9999-12-31 must not overflow.
        return self.start.toordinal() - grace_days <= day.toordinal() <= self.end.toordinal() + grace_days

    @property
    def days(self) -> int:
        """Return the length of the period in days (end inclusive)."""
        return (self.end - self.start).days + 1

    def elapsed(self, as_of: date) -> float:
        """Return the elapsed fraction of the period on ``as_of``, clipped to [0, 1] (SPEC §4)."""
        span = (self.end - self.start).days
        if span <= 0:
            return 1.0 if as_of >= self.end else 0.0
        return min(1.0, max(0.0, (as_of - self.start).days / span))


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def _span(year: int, month: int, months: int) -> tuple[date, date]:
    """Return the first and last day of ``months`` months starting at year/month."""
    end_year, end_month = _add_months(year, month, months - 1)
    return date(year, month, 1), date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])


def parse_period_id(text: str, fiscal_year_start_month: int = 1) -> Period | None:
    """Parse ``YYYY``, ``YYYY-Qn`` or ``YYYY-Hn``; None when ``text`` is not one of them.

    With a fiscal-year start month M, fiscal year YYYY begins on month M of year YYYY.
    """
    match = _PERIOD_RE.match(text)
    if match is None:
        return None
    year = int(match["year"])
    kind, n = match["kind"], match["n"]
    if kind == "H" and n not in ("1", "2"):
        return None
    if year < 1:
        return None
    months, offset = (12, 0) if kind is None else (3, 3 * (int(n) - 1)) if kind == "Q" else (6, 6 * (int(n) - 1))
    start_year, start_month = _add_months(year, fiscal_year_start_month, offset)
    try:
        start, end = _span(start_year, start_month, months)
    except ValueError:
        return None
    return Period(start, end, text)


def period_containing(day: date, fiscal_year_start_month: int = 1) -> Period:
    """Return the quarter (in the configured fiscal calendar) that contains ``day``."""
    offset = (day.month - fiscal_year_start_month) % 12
    start_year, _ = _add_months(day.year, day.month, -offset)
    quarter = offset // 3 + 1
    return parse_period_id(f"{start_year:04d}-Q{quarter}", fiscal_year_start_month) or Period(day, day, day.isoformat())
