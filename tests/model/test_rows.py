"""Tests for okrlint.model.rows and rowgroups: columns give back every row exactly as written."""

from __future__ import annotations

import math
from datetime import date

import pytest
from test_build import build

from okrlint.model.columns import Numbers
from okrlint.model.csvlog import read_csv_log
from okrlint.model.repository import CheckIn, CheckInLog, Loc
from okrlint.model.rowgroups import group_rows
from okrlint.model.rows import CheckInRows, rows_of
from okrlint.scoring.scores import row_order

LOG = """\
team: payments
checkins:
  - {date: 2026-10-05, kr: checkout/latency, value: 1100}
  - date: 2026-10-06
    kr: checkout/latency
    value: 1000.0
    confidence: 1
    note: ""
  - {date: 2026-10-07, kpi: nps, value: 12345678901234567890123, note: "a note, with ünïcode"}
  - {date: 2026-10-08, kr: checkout/launch, value: true, author: dana@example.com}
  - {date: 2026-10-09, kr: checkout/launch, value: false, confidence: 0.25}
  - {date: 2026-10-10, kr: checkout/latency, value: -0.0, note: last}
  - {date: 2026-10-11, kr: checkout/latency, value: 3}
"""


@pytest.mark.parametrize(
    "value", [None, True, False, 0, 1, -7, 2**53, 2**53 + 1, -(2**70), 0.5, -0.0, 1e308, math.inf, "text"]
)
def test_numbers_give_back_the_value_and_its_type(value: object) -> None:
    column = Numbers()
    column.append(1.5)
    column.append(value)
    assert (column[1], type(column[1])) == (value, type(value))
    assert list(column) == [1.5, value]


def test_numbers_keep_nan() -> None:
    column = Numbers()
    column.append(math.nan)
    assert math.isnan(column[0]) and math.isnan(next(iter(column)))


def test_rows_of_a_yaml_log_are_the_rows_written() -> None:
    repo, problems = build({"okrs/log.yaml": LOG})
    assert problems == []
    (log,) = repo.logs
    assert isinstance(log.rows, CheckInRows)
    rows = list(log.rows)
    assert [r.value for r in rows] == [1100, 1000.0, 12345678901234567890123, True, False, -0.0, 3]
    assert [type(r.value) for r in rows[:3]] == [int, float, int]
    negative_zero = rows[5].value
    assert isinstance(negative_zero, float) and math.copysign(1, negative_zero) == -1
    assert [r.note for r in rows] == [None, "", "a note, with ünïcode", None, None, "last", None]
    assert [r.confidence for r in rows] == [None, 1, None, None, 0.25, None, None]
    assert [r.author for r in rows] == [None, None, None, "dana@example.com", None, None, None]
    assert [(r.kr, r.kpi, r.team) for r in rows[1:3]] == [
        ("checkout/latency", None, "payments"),
        (None, "nps", "payments"),
    ]
    assert [r.index for r in rows] == list(range(7))
    assert rows[1].loc == Loc("okrs/log.yaml", 4, 5)
    assert (rows[1].at("note"), rows[1].at("value"), rows[1].at("author")) == (
        Loc("okrs/log.yaml", 8, 11),
        Loc("okrs/log.yaml", 6, 12),
        rows[1].loc,
    )
    assert rows[0].at("value") == Loc("okrs/log.yaml", 3, 53)
    assert log.rows[-1] == rows[-1] and log.rows[1:3] == tuple(rows[1:3])
    with pytest.raises(IndexError):
        log.rows[7]


def test_scan_reads_the_columns_the_rows_hold() -> None:
    repo, _ = build({"okrs/log.yaml": LOG})
    rows = repo.logs[0].rows
    assert isinstance(rows, CheckInRows)
    names = ("date", "kr", "kpi", "value", "confidence", "author", "note", "team", "resolved", "index")
    assert list(rows.scan(*names)) == [tuple(getattr(row, name) for name in names) for row in rows]
    assert [ordinal for (ordinal,) in rows.scan("ordinal")] == [r.date.toordinal() for r in rows]
    assert rows.distinct("kpi") == {"nps"} and rows.references() == {
        ("checkout/latency", "payments"),
        ("checkout/launch", "payments"),
    }
    with pytest.raises(ValueError, match="no check-in column"):
        rows.scan("loc")
    fields = ("date", "kr", "kpi", "value", "confidence", "author", "note", "team", "index")
    assert [tuple(rows.field(i, name) for name in fields) for i in range(len(rows))] == [
        tuple(getattr(row, name) for name in fields) for row in rows
    ]
    with pytest.raises(ValueError, match="no check-in field"):
        rows.field(0, "loc")


def test_csv_rows_keep_their_cells_columns() -> None:
    log, problems = read_csv_log("log.csv", "date,value,kr,note\n2026-10-05,3,a/b/c,\n2026-10-06,4,a/b/c,hi\n")
    assert problems == [] and log is not None
    first, second = log.rows
    assert (first.note, second.note, second.value, type(second.value)) == (None, "hi", 4.0, float)
    assert (second.loc, second.at("note"), second.at("kr"), first.at("note")) == (
        Loc("log.csv", 3, 1),
        Loc("log.csv", 3, 4),
        Loc("log.csv", 3, 3),
        first.loc,
    )
    cells = (("date", 1), ("value", 2), ("kr", 3), ("note", 4))
    assert dict(second.fields) == {name: Loc("log.csv", 3, column) for name, column in cells}


def test_plain_rows_get_columns_too() -> None:
    repo, _ = build({"okrs/log.yaml": LOG})
    written = tuple(repo.logs[0].rows)
    plain = CheckInLog(Loc("okrs/log.yaml", 1, 1), team="payments", rows=written)
    assert tuple(rows_of(plain)) == written


def _row(path: str, day: int, index: int) -> CheckIn:
    return CheckIn(Loc(path, index + 1, 1), date=date(2026, 10, day), kpi="nps", value=float(day), index=index)


def test_groups_in_scoring_order_are_the_rows_sorted() -> None:
    b = CheckInLog(Loc("b.yaml", 1, 1), rows=tuple(_row("b.yaml", day, i) for i, day in enumerate((3, 1, 2, 1))))
    a = CheckInLog(Loc("a.yaml", 1, 1), rows=tuple(_row("a.yaml", day, i) for i, day in enumerate((1, 2, 2, 5))))
    _, by_kpi = group_rows([b, a])
    in_file_order = by_kpi["nps"]
    assert list(in_file_order) == [*b.rows, *a.rows]
    ordered = in_file_order.in_scoring_order()
    assert list(ordered) == sorted([*a.rows, *b.rows], key=row_order)
    assert list(ordered.until(date(2026, 10, 2))) == list(ordered)[:6]
    assert ordered.last_date() == date(2026, 10, 5)
    assert list(ordered.where(lambda day, value: value > 2)) == [r for r in ordered if (r.value or 0) > 2]
    assert list(ordered.fields("date", "value", "index")) == [(r.date, r.value, r.index) for r in ordered]
    _, up_to = group_rows([b, a], date(2026, 10, 1))
    assert [(r.loc.path, r.index) for r in up_to["nps"]] == [("b.yaml", 1), ("b.yaml", 3), ("a.yaml", 0)]


def test_group_fields_read_by_column_are_the_rows_fields() -> None:
    repo, _ = build({"okrs/log.yaml": LOG, "okrs/other.yaml": LOG.replace("2026-10-0", "2026-10-1")})
    by_kr, by_kpi = group_rows(repo.logs)
    names = ("date", "value", "confidence", "note", "author", "kr", "kpi", "team", "index")
    for group in [*by_kr.values(), *by_kpi.values()]:
        for ordered in (group, group.in_scoring_order()):
            rows = list(ordered)
            expected = [tuple(getattr(r, name) for name in names) for r in rows]
            found = list(ordered.fields(*names))
            assert found == expected
            assert [tuple(map(type, f)) for f in found] == [tuple(map(type, e)) for e in expected]
            assert list(ordered.values()) == [r.value for r in rows]
            assert list(ordered.dates()) == [r.date for r in rows]
            assert list(ordered.ordinals()) == [r.date.toordinal() for r in rows]
            assert list(ordered.fields()) == [()] * len(rows)
