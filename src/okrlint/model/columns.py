"""Columns of check-in fields that hold no object per row: values (``Numbers``) and notes (``Texts``)."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from itertools import repeat
from typing import Any

_NONE, _FLOAT, _INT, _TRUE, _FALSE, _OTHER = range(6)
_EXACT = 2**53  # every int up to this size is exactly a double


class Numbers:
    """A column of check-in values (numbers, booleans or None): a kind byte and a double per row.

    An int is kept as a double when it is one exactly and read back as an int; anything else
    (a huge int, another type) is kept aside as written.
    """

    __slots__ = ("_kinds", "_numbers", "_other")

    def __init__(self) -> None:
        self._kinds = bytearray()
        self._numbers = array("d")
        self._other: dict[int, Any] = {}

    def append(self, value: Any) -> None:
        """Add ``value`` at the end of the column."""
        kind, number = _FLOAT, 0.0
        if type(value) is float:
            number = value
        elif type(value) is int and -_EXACT <= value <= _EXACT:
            kind, number = _INT, float(value)
        elif value is None:
            kind = _NONE
        elif value is True or value is False:
            kind = _TRUE if value else _FALSE
        else:
            kind = _OTHER
            self._other[len(self._kinds)] = value
        self._kinds.append(kind)
        self._numbers.append(number)

    def __len__(self) -> int:
        return len(self._kinds)

    def state(self) -> tuple[bytes, bytes, dict[int, Any]]:
        """Return the column as plain data (for marshal); :meth:`from_state` makes it again."""
        return bytes(self._kinds), self._numbers.tobytes(), dict(self._other)

    @classmethod
    def from_state(cls, state: tuple[bytes, bytes, dict[int, Any]]) -> Numbers:
        """Return the column that :meth:`state` gave."""
        kinds, numbers, other = state
        column = cls()
        column._kinds = bytearray(kinds)
        column._numbers.frombytes(numbers)
        column._other = dict(other)
        if len(column._numbers) != len(column._kinds):
            raise ValueError("numbers and kinds differ in length")
        return column

    def __getitem__(self, i: int) -> Any:
        kind = self._kinds[i]
        return self._numbers[i] if kind == _FLOAT else self._decode(i, kind, self._numbers[i])

    def at(self, positions: Iterable[int]) -> list[Any]:
        """Return the values of the rows at ``positions``, in order."""
        kinds, numbers, decode = self._kinds, self._numbers, self._decode
        return [numbers[i] if kinds[i] == _FLOAT else decode(i, kinds[i], numbers[i]) for i in positions]

    def _decode(self, i: int, kind: int, number: float) -> Any:
        if kind == _FLOAT:
            return number
        if kind == _INT:
            return int(number)
        if kind == _NONE:
            return None
        if kind == _OTHER:
            return self._other[i]
        return kind == _TRUE

    def __iter__(self) -> Iterator[Any]:
        decode = self._decode
        for i, (kind, number) in enumerate(zip(self._kinds, self._numbers, strict=True)):
            yield number if kind == _FLOAT else decode(i, kind, number)


class Texts:
    """A column of optional texts (notes): one joined string and where each row's text ends in it.

    No object is kept per row: a row's text is cut out of the joined string when it is read, so
    nothing small outlives the file's parse tree between its blocks of memory.
    """

    __slots__ = ("_ends", "_parts", "_text")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._text = ""
        self._ends: array[int] | None = None  # the end of each row's text; ~end for None

    def append(self, text: str | None, rows_before: int) -> None:
        """Add the text of the row after ``rows_before`` rows (None: no text)."""
        if text is None and self._ends is None:
            return
        ends = self._ends
        if ends is None:
            ends = self._ends = array("i", repeat(~0, rows_before))
        end = ends[-1] if ends else 0
        end = ~end if end < 0 else end
        if text is None:
            ends.append(~end)
        else:
            self._parts.append(text)
            ends.append(end + len(text))

    def finish(self) -> None:
        """Join the texts added (no text is added after this)."""
        self._text, self._parts = "".join(self._parts), []

    def state(self) -> tuple[str, bytes | None]:
        """Return the finished column as plain data (for marshal); :meth:`from_state` makes it again."""
        return self._text, None if self._ends is None else self._ends.tobytes()

    @classmethod
    def from_state(cls, state: tuple[str, bytes | None]) -> Texts:
        """Return the finished column that :meth:`state` gave."""
        column = cls()
        column._text, ends = state
        if ends is not None:
            column._ends = array("i")
            column._ends.frombytes(ends)
        return column

    def __len__(self) -> int:
        return len(self._ends) if self._ends is not None else 0

    def get(self, i: int) -> str | None:
        """Return the text of row ``i`` (None past the last row with a text)."""
        if self._ends is None or i >= len(self._ends):
            return None
        end = self._ends[i]
        if end < 0:
            return None
        start = self._ends[i - 1] if i else 0
        return self._text[(~start if start < 0 else start) : end]

    def __iter__(self) -> Iterator[str | None]:
        text, start = self._text, 0
        for end in self._ends or ():
            if end < 0:
                start = ~end
                yield None
            else:
                yield text[start:end]
                start = end
