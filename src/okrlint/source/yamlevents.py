"""Where a PyYAML event starts and ends: its parser always sets both marks, though the type stubs allow None."""

from __future__ import annotations

from typing import Any, Protocol


class Mark(Protocol):
    """A place in the parsed text: 0-based line and column, and the index of its character."""

    @property
    def line(self) -> int: ...

    @property
    def column(self) -> int: ...

    @property
    def index(self) -> int: ...


def _known(mark: Mark | None) -> Mark:
    if mark is None:
        raise ValueError("a YAML event without a position")
    return mark


def start_of(event: Any) -> Mark:
    """Return where ``event`` (a ``yaml.Event``) starts; ValueError if the parser did not say."""
    return _known(event.start_mark)


def end_of(event: Any) -> Mark:
    """Return where ``event`` (a ``yaml.Event``) ends; ValueError if the parser did not say."""
    return _known(event.end_mark)
