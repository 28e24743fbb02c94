"""Indented JSON text, byte for byte what ``json.dumps(value, indent=N, ensure_ascii=False, allow_nan=False)`` writes.

The standard library writes indented JSON in Python, item by item (its C encoder only writes
compact JSON): ~3 s for the 90 MB report of 1,000 teams. Here the containers holding only
strings, numbers, booleans and nulls (most of a report: one per check-in) are written by the
C encoder with the item separator of their depth, the rest item by item. Anything this does
not handle exactly as the standard library does (a key that is not a string, a subclass of
str, int or float, a value out of range, no C encoder) is written by ``json.dumps`` itself.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache
from itertools import repeat
from typing import Any

__all__ = ["indented_json"]

_SCALARS = frozenset({str, int, float, bool, type(None)})
_Encode = Callable[[Any, int], list[str]]


class _Unusual(Exception):
    """A value the fast path leaves to ``json.dumps``."""


def indented_json(value: Any, indent: int = 2) -> str:
    """Return ``json.dumps(value, indent=indent, ensure_ascii=False, allow_nan=False)``, faster for large data."""
    try:
        parts: list[str] = []
        _write(value, 0, " " * indent, parts)
        return "".join(parts)
    except (_Unusual, ValueError, TypeError, RecursionError):
        return json.dumps(value, indent=indent, ensure_ascii=False, allow_nan=False)


@lru_cache(maxsize=64)
def _flat_encoder(separator: str) -> _Encode | None:
    """Return the C encoder writing a container's items with ``separator`` between them (None without one)."""
    from json.encoder import c_encode_basestring, c_make_encoder  # type: ignore[attr-defined]

    if c_make_encoder is None or c_encode_basestring is None:  # pragma: no cover - CPython has both
        return None
    encoder: _Encode = c_make_encoder(None, None, c_encode_basestring, None, ": ", separator, False, False, False)
    return encoder


def _scalar(value: Any) -> str:
    """Return the JSON text of a string, number, boolean or null (exact types only)."""
    kind = type(value)
    if kind is str:
        return json.encoder.encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is int:
        return int.__repr__(value)
    if kind is float and value - value == 0:  # finite
        return float.__repr__(value)
    raise _Unusual


def _write(value: Any, depth: int, unit: str, parts: list[str]) -> None:
    """Append the JSON text of ``value`` at nesting ``depth`` to ``parts``."""
    kind = type(value)
    if kind is dict:
        items: Any = value.values()
        opening, closing = "{", "}"
    elif kind is list or kind is tuple:
        items, opening, closing = value, "[", "]"
    else:
        parts.append(_scalar(value))
        return
    if not value:
        parts.append(opening + closing)
        return
    if kind is dict and not all(type(key) is str for key in value):
        raise _Unusual
    inner, outer = "\n" + unit * (depth + 1), "\n" + unit * depth
    if all(type(item) in _SCALARS for item in items):
        encoder = _flat_encoder("," + inner)
        if encoder is None:  # pragma: no cover - CPython has a C encoder
            raise _Unusual
        text = "".join(encoder(value, 0))
        parts.append(f"{opening}{inner}{text[1:-1]}{outer}{closing}")
        return
    parts.append(opening)
    separator, encode = inner, json.encoder.encode_basestring
    for key, item in value.items() if kind is dict else zip(repeat(None), value):
        head = separator if key is None else f"{separator}{encode(key)}: "
        of = type(item)
        if of is str:
            parts.append(head + encode(item))
        elif of in _SCALARS:
            parts.append(head + _scalar(item))
        else:
            parts.append(head)
            _write(item, depth + 1, unit, parts)
        separator = "," + inner
    parts.append(outer + closing)
