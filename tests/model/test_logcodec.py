"""Tests for okrlint.model.logcodec: a check-in log built once, kept as plain data, comes back the same."""

from __future__ import annotations

import json
import marshal
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrlint.model.build import build_checkin_log
from okrlint.model.logcodec import built_log, decode_log, encode_log
from okrlint.model.repository import CheckInLog
from okrlint.model.rows import rows_of
from okrlint.source.documents import Document
from okrlint.source.files import SourceFile
from okrlint.source.loader import LoadedFile
from okrlint.source.problems import LoadProblem
from okrlint.source.yamlload import load_yaml

LOG = """\
team: payments
period: 2026-Q4
checkins:
  - date: 2026-10-05
    kr: checkout/conversion
    value: 12
    confidence: 0.7
    note: "first week — ok"
  - {date: 2026-10-12, kpi: nps, value: 9007199254740993, author: dana@example.com}
  - date: 2026-10-19
    kr: payments/checkout/done
    value: true
  - date: 2026-13-40
    kr: checkout/conversion
    value: .nan
"""


def _built(text: str, path: str = "okrs/checkins/payments.yaml") -> tuple[CheckInLog, list[object]]:
    result = load_yaml(text)
    assert result.root is not None
    log, problems = build_checkin_log(Document(path, "checkins", result.root))
    return log, list(problems)


def _same(a: CheckInLog, b: CheckInLog) -> None:
    assert (a.loc, dict(a.fields), a.team, a.period) == (b.loc, dict(b.fields), b.team, b.period)
    rows_a, rows_b = list(rows_of(a)), list(rows_of(b))
    assert len(rows_a) == len(rows_b)
    for x, y in zip(rows_a, rows_b, strict=True):
        assert (x.loc, dict(x.fields), x.date, x.kr, x.kpi, x.author, x.note, x.team, x.index) == (
            y.loc,
            dict(y.fields),
            y.date,
            y.kr,
            y.kpi,
            y.author,
            y.note,
            y.team,
            y.index,
        )
        for u, v in ((x.value, y.value), (x.confidence, y.confidence)):
            assert type(u) is type(v) and (
                u == v or (isinstance(u, float) and isinstance(v, float) and math.isnan(u) and math.isnan(v))
            )


def test_a_log_survives_marshal_with_its_values_notes_places_and_problems() -> None:
    log, problems = _built(LOG)
    assert problems  # the impossible date is reported while building, and the row is left out
    again = decode_log(log.loc.path, marshal.loads(marshal.dumps(encode_log(log))))
    _same(again, log)
    values = [row.value for row in rows_of(again)]
    assert values[1] == 9007199254740993 and type(values[1]) is int  # an int past 2**53 stays exact
    assert values[2] is True


def test_resolved_rows_are_not_encoded() -> None:
    log, _ = _built(LOG)
    resolved = log.__class__(log.loc, log.fields, team=log.team, rows=rows_of(log).with_resolved([None] * 3))
    with pytest.raises(ValueError, match="resolved"):
        encode_log(resolved)


def test_data_of_another_shape_is_refused() -> None:
    log, _ = _built(LOG)
    data = list(encode_log(log))
    columns = list(data[5])
    columns[0] = columns[0][:-4]  # one day number short: the columns no longer line up
    with pytest.raises(ValueError):
        decode_log(log.loc.path, (*data[:5], tuple(columns)))


def test_a_built_log_is_read_back_typed_and_anything_else_refused() -> None:
    log, problems = _built(LOG)
    source = SourceFile(log.loc.path, Path(log.loc.path))
    plain = tuple(p for p in problems if isinstance(p, LoadProblem))
    assert built_log(LoadedFile(source, "checkins", None)) is None
    assert built_log(LoadedFile(source, "checkins", None, built=(log, plain))) == (log, plain)
    with pytest.raises(TypeError, match="not a check-in log"):
        built_log(LoadedFile(source, "checkins", None, built=({"rows": []}, ())))


_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)
_VALUE = st.one_of(st.integers(), st.floats(allow_nan=False, allow_infinity=False), st.booleans())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.dates(), _TEXT, _VALUE, st.none() | _TEXT), min_size=1, max_size=8))
def test_any_log_round_trips(rows: list[tuple[object, str, object, str | None]]) -> None:
    lines = ["team: t", "checkins:"]
    for day, kr, value, note in rows:
        lines += [
            f"  - date: {day}",
            f"    kr: {json.dumps(kr + '/k', ensure_ascii=False)}",
            f"    value: {json.dumps(value)}",
        ]
        lines += [] if note is None else [f"    note: {json.dumps(note, ensure_ascii=False)}"]
    log, _ = _built("\n".join(lines) + "\n")
    assert len(rows_of(log)) == len(rows)
    _same(decode_log(log.loc.path, marshal.loads(marshal.dumps(encode_log(log)))), log)
