"""One kind of registry for every output format: a name → where its renderer lives, imported only when chosen.

Lint reporters, report formats and diff formats each declare a :class:`FormatRegistry`; the
command line takes its choices from ``names`` and calls what ``get`` returns, so a format is
added in one place and an unused one costs no import.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import import_module
from types import MappingProxyType
from typing import Generic, TypeVar

R = TypeVar("R")


class FormatRegistry(Generic[R]):
    """Output formats by name; each entry is ``"package.module:function"``."""

    def __init__(self, entries: Mapping[str, str]) -> None:
        self._entries = MappingProxyType(dict(entries))

    @property
    def names(self) -> tuple[str, ...]:
        """Return the format names, in the order they were declared."""
        return tuple(self._entries)

    def get(self, name: str) -> R:
        """Return the renderer of format ``name`` (KeyError when there is none)."""
        module, _, attribute = self._entries[name].partition(":")
        renderer: R = getattr(import_module(module), attribute)
        return renderer
