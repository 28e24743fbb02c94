"""Tests for okrlint.util.jsontext: indented JSON exactly as json.dumps writes it, or json.dumps's own error."""

from __future__ import annotations

import enum
import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrlint.util.jsontext import indented_json


def _stdlib(value: Any, indent: int = 2) -> str:
    return json.dumps(value, indent=indent, ensure_ascii=False, allow_nan=False)


_TEXT = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=8) | st.sampled_from(
    ["", "é", '"', "\\", "\n", "\x00", "{", "}", ",\n  ", "\u202e", "[1]", "\ud800"]
)
_SCALAR = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from([0.0, -0.0, 1e300, 5e-324])
    | _TEXT
)
_VALUE = st.recursive(
    _SCALAR,
    lambda inner: (
        st.lists(inner, max_size=5) | st.lists(inner, max_size=3).map(tuple) | st.dictionaries(_TEXT, inner, max_size=5)
    ),
    max_leaves=40,
)


@settings(max_examples=400, deadline=None)
@given(_VALUE, st.integers(min_value=0, max_value=4))
def test_same_text_as_json_dumps(value: Any, indent: int) -> None:
    assert indented_json(value, indent) == _stdlib(value, indent)


def test_a_report_shaped_value() -> None:
    rows = [{"date": "2026-10-05", "value": 12.5, "confidence": None, "note": "ok — “fine”", "author": None}] * 3
    value = {"teams": [{"id": "a", "krs": [{"checkins": rows, "range": {"min": 1, "max": 2}, "empty": {}}]}], "x": []}
    assert indented_json(value) == _stdlib(value)


class _Level(enum.IntEnum):
    HIGH = 3


class _Text(str):
    pass


@pytest.mark.parametrize(
    "value",
    [
        {1: "a", "b": 2},  # keys that are not strings are converted by json.dumps
        {"a": [None, True, {False: 1.5}]},
        [_Level.HIGH, {"k": _Level.HIGH}],  # int and str subclasses are written as json.dumps writes them
        {"k": _Text("x")},
        [_Text("y"), 1],
    ],
)
def test_unusual_values_are_written_by_json_dumps(value: Any) -> None:
    assert indented_json(value) == _stdlib(value)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
@pytest.mark.parametrize("where", [lambda v: v, lambda v: [v], lambda v: {"a": [1, {"b": v}]}, lambda v: {"a": v}])
def test_out_of_range_floats_fail_as_json_dumps_fails(bad: float, where: Any) -> None:
    value = where(bad)
    with pytest.raises(ValueError) as expected:
        _stdlib(value)
    with pytest.raises(ValueError) as found:
        indented_json(value)
    assert str(found.value) == str(expected.value)


def test_values_json_cannot_write_fail_alike() -> None:
    with pytest.raises(TypeError):
        indented_json({"a": {1, 2}})
    looped: list[Any] = []
    looped.append(looped)
    with pytest.raises(ValueError, match="Circular reference"):
        indented_json({"a": looped})
