"""Event positions: what the check-in splices read of PyYAML's events."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import yaml

from okrlint.source.yamlevents import end_of, start_of


def test_positions_are_the_parsers_marks() -> None:
    events = [e for e in yaml.parse("a: [1, 22]\n") if isinstance(e, yaml.ScalarEvent)]
    assert [(start_of(e).line, start_of(e).column, start_of(e).index, end_of(e).index) for e in events] == [
        (0, 0, 0, 1),
        (0, 4, 4, 5),
        (0, 7, 7, 9),
    ]


def test_an_event_without_a_position_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="without a position"):
        start_of(SimpleNamespace(start_mark=None))
    with pytest.raises(ValueError, match="without a position"):
        end_of(SimpleNamespace(end_mark=None))
