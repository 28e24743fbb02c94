"""Tests for okrlint.model.periods: quarters, halves, years, fiscal years and containment."""

from __future__ import annotations

from datetime import date

import pytest

from okrlint.model.periods import Period, parse_period_id, period_containing


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2026-Q1", date(2026, 1, 1), date(2026, 3, 31)),
        ("2026-Q2", date(2026, 4, 1), date(2026, 6, 30)),
        ("2026-Q3", date(2026, 7, 1), date(2026, 9, 30)),
        ("2026-Q4", date(2026, 10, 1), date(2026, 12, 31)),
        ("2026-H1", date(2026, 1, 1), date(2026, 6, 30)),
        ("2026-H2", date(2026, 7, 1), date(2026, 12, 31)),
        ("2026", date(2026, 1, 1), date(2026, 12, 31)),
        ("2028-Q1", date(2028, 1, 1), date(2028, 3, 31)),
    ],
)
def test_calendar_periods(text: str, start: date, end: date) -> None:
    assert parse_period_id(text) == Period(start, end, text)


@pytest.mark.parametrize(
    ("text", "month", "start", "end"),
    [
        ("2026-Q1", 4, date(2026, 4, 1), date(2026, 6, 30)),
        ("2026-Q4", 4, date(2027, 1, 1), date(2027, 3, 31)),
        ("2026-H2", 4, date(2026, 10, 1), date(2027, 3, 31)),
        ("2026", 4, date(2026, 4, 1), date(2027, 3, 31)),
        ("2026-Q1", 10, date(2026, 10, 1), date(2026, 12, 31)),
        ("2026-Q2", 10, date(2027, 1, 1), date(2027, 3, 31)),
        ("2026-Q4", 10, date(2027, 7, 1), date(2027, 9, 30)),
        ("2026", 10, date(2026, 10, 1), date(2027, 9, 30)),
        ("2026-Q1", 2, date(2026, 2, 1), date(2026, 4, 30)),
        ("2027-Q1", 2, date(2027, 2, 1), date(2027, 4, 30)),
    ],
)
def test_fiscal_year_start_month(text: str, month: int, start: date, end: date) -> None:
    """SPEC §1.1: fiscal_year_start_month M makes YYYY-Q1 begin on month M of year YYYY."""
    assert parse_period_id(text, month) == Period(start, end, text)


@pytest.mark.parametrize("text", ["2026-Q5", "2026-Q0", "2026-H3", "2026-H4", "26-Q1", "2026Q1", "2026-q1", "0000"])
def test_not_a_period(text: str) -> None:
    assert parse_period_id(text) is None


def test_periods_past_year_9999_are_refused_not_a_crash() -> None:
    assert parse_period_id("9999", 2) is None
    assert parse_period_id("9999-Q4") == Period(date(9999, 10, 1), date(9999, 12, 31), "9999-Q4")


def test_contains_and_contains_date() -> None:
    year = parse_period_id("2026")
    q4 = parse_period_id("2026-Q4")
    assert year is not None and q4 is not None
    assert year.contains(q4)
    assert not q4.contains(year)
    assert q4.contains(q4)
    assert q4.contains_date(date(2026, 10, 1))
    assert q4.contains_date(date(2026, 12, 31))
    assert not q4.contains_date(date(2027, 1, 1))
    assert q4.contains_date(date(2027, 1, 14), grace_days=14)
    assert not q4.contains_date(date(2027, 1, 15), grace_days=14)
    assert q4.contains_date(date(2026, 9, 17), grace_days=14)
    assert not q4.contains_date(date(2026, 9, 16), grace_days=14)


def test_days_and_elapsed() -> None:
    q4 = Period(date(2026, 10, 1), date(2026, 12, 31), "2026-Q4")
    assert q4.days == 92
    assert q4.elapsed(date(2026, 9, 1)) == 0.0
    assert q4.elapsed(date(2026, 10, 1)) == 0.0
    assert q4.elapsed(date(2026, 11, 15)) == pytest.approx(45 / 91)
    assert q4.elapsed(date(2026, 12, 31)) == 1.0
    assert q4.elapsed(date(2027, 3, 1)) == 1.0
    one_day = Period(date(2026, 1, 1), date(2026, 1, 1), "d")
    assert one_day.elapsed(date(2025, 12, 31)) == 0.0
    assert one_day.elapsed(date(2026, 1, 1)) == 1.0


def test_periods_sort_by_start_then_end() -> None:
    q4 = parse_period_id("2026-Q4")
    h2 = parse_period_id("2026-H2")
    year = parse_period_id("2026")
    assert sorted([q4, h2, year]) == [year, h2, q4]  # type: ignore[type-var]


@pytest.mark.parametrize(
    ("day", "month", "expected"),
    [
        (date(2026, 11, 23), 1, "2026-Q4"),
        (date(2026, 1, 1), 1, "2026-Q1"),
        (date(2026, 11, 23), 10, "2026-Q1"),
        (date(2026, 9, 30), 10, "2025-Q4"),
        (date(2026, 2, 15), 4, "2025-Q4"),
        (date(2026, 4, 1), 4, "2026-Q1"),
    ],
)
def test_period_containing(day: date, month: int, expected: str) -> None:
    period = period_containing(day, month)
    assert period.id == expected
    assert period.contains_date(day)
