"""Check-in rows kept in columns: a row costs a few dozen bytes, and its ``CheckIn`` is made when read.

A repository can hold millions of check-in rows. Each log keeps every field of its rows in a
column: day numbers, values as a kind byte and a double, one index into a table of the
distinct (kr, kpi, author, team) of the log, line numbers and an index into the field layouts
of the log (rows written alike share one). ``CheckInRows`` is a read-only sequence of
``CheckIn`` that builds a row each time it is read; code that looks at every row reads only
the columns it needs with :meth:`CheckInRows.scan` and builds the rows it reports.
"""

from __future__ import annotations

from array import array
from collections.abc import Hashable, Iterator, Sequence
from datetime import date
from functools import lru_cache
from itertools import chain, repeat
from operator import itemgetter
from typing import Any, overload

from okrlint.model.columns import Numbers, Texts
from okrlint.model.repository import CheckIn, CheckInLog, FieldLocs, KrRef, Loc, layout_of

Layout = tuple[int, tuple[str, ...], tuple[int, ...]]  # the row's own column, its field names and their shape
Key = tuple[str | None, str | None, str | None, str | None]  # kr, kpi, author, team
RowPlace = tuple[int, int, Layout]  # the row's index in the file, its line and its layout
_KEY_FIELDS = {"kr": 0, "kpi": 1, "author": 2, "team": 3}


@lru_cache(maxsize=8192)
def day_of(ordinal: int) -> date:
    """Return the date of a day number; equal dates share one object."""
    return date.fromordinal(ordinal)


class CheckInRows(Sequence[CheckIn]):
    """The rows of one check-in log in columns; ``rows[i]`` makes the ``CheckIn`` of row ``i``."""

    __slots__ = (
        "_confidences",
        "_days",
        "_indices",
        "_key_table",
        "_keys",
        "_layout_table",
        "_layouts",
        "_lines",
        "_notes",
        "_refs",
        "_resolved",
        "_values",
        "path",
    )

    def __init__(self, path: str) -> None:
        """Start an empty column set for the log ``path`` (filled by :class:`RowsBuilder`)."""
        self.path = path
        self._days = array("i")
        self._keys = array("i")
        self._key_table: list[Key] = []
        self._values = Numbers()
        self._confidences = Numbers()
        self._notes = Texts()
        self._lines = array("i")
        self._layouts = array("i")
        self._layout_table: list[Layout] = []
        self._indices = array("i")
        self._resolved: array[int] | None = None  # 1 + index into _refs; 0 for no KR
        self._refs: list[KrRef | None] = [None]

    def __len__(self) -> int:
        return len(self._days)

    @overload
    def __getitem__(self, i: int) -> CheckIn: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[CheckIn, ...]: ...

    def __getitem__(self, i: int | slice) -> CheckIn | tuple[CheckIn, ...]:
        if isinstance(i, slice):
            return tuple(self[j] for j in range(*i.indices(len(self))))
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("check-in row index out of range")
        column, keys, shape = self._layout_table[self._layouts[i]]
        line = self._lines[i]
        kr, kpi, author, team = self._key_table[self._keys[i]]
        return CheckIn(
            Loc(self.path, line, column),
            FieldLocs.laid_out(self.path, line, keys, shape),
            date=day_of(self._days[i]),
            kr=kr,
            kpi=kpi,
            value=self._values[i],
            confidence=self._confidences[i],
            author=author,
            note=self._notes.get(i),
            team=team,
            resolved=self._refs[self._resolved[i]] if self._resolved is not None else None,
            index=self._indices[i],
        )

    def __iter__(self) -> Iterator[CheckIn]:
        return map(self.__getitem__, range(len(self)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"CheckInRows({self.path!r}, {len(self)} rows)"

    def scan(self, *names: str) -> Iterator[tuple[Any, ...]]:
        """Yield, row by row, the fields ``names`` without making the rows.

        A name is ``position``, ``ordinal`` (the date's day number) or a ``CheckIn`` field but ``loc``
        and ``fields``.
        """
        return zip(*(self._column(name) for name in names), strict=True)

    def _column(self, name: str) -> Iterator[Any]:
        if name == "position":
            return iter(range(len(self)))
        if name == "ordinal":
            return iter(self._days)
        if name == "date":
            return map(day_of, self._days)
        if name in _KEY_FIELDS:
            return map(itemgetter(_KEY_FIELDS[name]), map(self._key_table.__getitem__, self._keys))
        if name == "resolved":
            resolved = self._resolved if self._resolved is not None else repeat(0, len(self))
            return map(self._refs.__getitem__, resolved)
        if name in ("value", "confidence"):
            return iter(self._values if name == "value" else self._confidences)
        if name == "note":
            return chain(self._notes, repeat(None, len(self) - len(self._notes)))
        if name == "index":
            return iter(self._indices)
        raise ValueError(f"no check-in column {name!r}")

    def distinct(self, name: str) -> set[str]:
        """Return the values other than None that rows give for ``kr``, ``kpi``, ``author`` or ``team``."""
        field = _KEY_FIELDS[name]
        return {value for key in self._key_table if (value := key[field]) is not None}

    def references(self) -> set[tuple[str, str | None]]:
        """Return the distinct (kr, team) of the rows that name a key result."""
        return {(kr, team) for kr, _, _, team in self._key_table if kr is not None}

    def value(self, i: int) -> Any:
        """Return the value of row ``i`` (without making its ``CheckIn``)."""
        return self._values[i]

    def field(self, i: int, name: str) -> Any:
        """Return field ``name`` of row ``i`` (a ``CheckIn`` field but ``loc``, ``fields`` and ``resolved``)."""
        if name in _KEY_FIELDS:
            return self._key_table[self._keys[i]][_KEY_FIELDS[name]]
        if name == "date":
            return day_of(self._days[i])
        if name in ("value", "confidence"):
            return (self._values if name == "value" else self._confidences)[i]
        if name == "note":
            return self._notes.get(i)
        if name == "index":
            return self._indices[i]
        raise ValueError(f"no check-in field {name!r}")

    def field_at(self, name: str, positions: Sequence[int]) -> list[Any]:
        """Return field ``name`` (as :meth:`field` names it, or ``ordinal``) of the rows at ``positions``, in order."""
        if name in _KEY_FIELDS:
            table, keys, place = self._key_table, self._keys, _KEY_FIELDS[name]
            return [table[keys[i]][place] for i in positions]
        if name == "date":
            days = self._days
            return [day_of(days[i]) for i in positions]
        if name == "ordinal":
            return list(map(self._days.__getitem__, positions))
        if name in ("value", "confidence"):
            return (self._values if name == "value" else self._confidences).at(positions)
        if name == "note":
            return list(map(self._notes.get, positions))
        if name == "index":
            indices = self._indices
            return [indices[i] for i in positions]
        raise ValueError(f"no check-in field {name!r}")

    def ordinal(self, i: int) -> int:
        """Return the day number of row ``i``'s date."""
        return self._days[i]

    def file_index(self, i: int) -> int:
        """Return row ``i``'s position among the rows of its file (``CheckIn.index``)."""
        return self._indices[i]

    def columns(self) -> tuple[Any, ...]:
        """Return the columns of rows not yet resolved as plain data (for marshal); :meth:`from_columns` reads it."""
        if self._resolved is not None:
            raise ValueError("resolved rows are not kept as plain data")
        arrays = (self._days, self._keys, self._lines, self._layouts, self._indices)
        tables = (tuple(self._key_table), tuple(self._layout_table))
        return (
            *(a.tobytes() for a in arrays),
            *tables,
            self._values.state(),
            self._confidences.state(),
            self._notes.state(),
        )

    @classmethod
    def from_columns(cls, path: str, data: tuple[Any, ...]) -> CheckInRows:
        """Return the rows of log ``path`` from :meth:`columns` data; raise ValueError or TypeError for other data."""
        days, keys, lines, layouts, indices, key_table, layout_table, values, confidences, notes = data
        rows = cls(path)
        for column, raw in zip(
            (rows._days, rows._keys, rows._lines, rows._layouts, rows._indices),
            (days, keys, lines, layouts, indices),
            strict=True,
        ):
            column.frombytes(raw)
        if len({len(rows._days), len(rows._keys), len(rows._lines), len(rows._layouts), len(rows._indices)}) != 1:
            raise ValueError("columns differ in length")
        rows._key_table, rows._layout_table = list(key_table), list(layout_table)
        rows._values, rows._confidences = Numbers.from_state(values), Numbers.from_state(confidences)
        rows._notes = Texts.from_state(notes)
        return rows

    def with_resolved(self, resolved: Sequence[KrRef | None]) -> CheckInRows:
        """Return the same rows with each row's resolved KR (one per row, in order); columns are shared."""
        rows = CheckInRows(self.path)
        for name in CheckInRows.__slots__:
            setattr(rows, name, getattr(self, name))
        table: dict[int, int] = {}
        refs: list[KrRef | None] = [None]
        rows._resolved = array("i", (_ref_number(ref, table, refs) for ref in resolved))
        rows._refs = refs
        return rows


def _number(item: Hashable, numbers: dict[Any, int], table: list[Any]) -> int:
    """Return the index of ``item`` in ``table``, appending it the first time (``numbers`` maps item -> index)."""
    number = numbers.get(item)
    if number is None:
        number = numbers[item] = len(table)
        table.append(item)
    return number


def _ref_number(ref: KrRef | None, table: dict[int, int], refs: list[KrRef | None]) -> int:
    """Return 1 + the index of ``ref`` in ``refs`` (adding it; equal refs are one shared object), 0 for None."""
    if ref is None:
        return 0
    number = table.get(id(ref))
    if number is None:
        number = table[id(ref)] = len(refs)
        refs.append(ref)
    return number


class RowsBuilder:
    """Fills the columns of one log row by row; :meth:`rows` hands them over."""

    __slots__ = ("_key_numbers", "_layout_numbers", "_rows")

    def __init__(self, path: str) -> None:
        self._rows = CheckInRows(path)
        self._key_numbers: dict[Key, int] = {}
        self._layout_numbers: dict[Layout, int] = {}

    def add(self, day: date, key: Key, value: Any, confidence: Any, note: str | None, where: RowPlace) -> None:
        """Add a row: its date, (kr, kpi, author, team), value, confidence, note and place in the file."""
        rows = self._rows
        rows._days.append(day.toordinal())
        rows._keys.append(_number(key, self._key_numbers, rows._key_table))
        rows._values.append(value)
        rows._confidences.append(confidence)
        rows._notes.append(note, len(rows._days) - 1)
        index, line, layout = where
        rows._lines.append(line)
        rows._layouts.append(_number(layout, self._layout_numbers, rows._layout_table))
        rows._indices.append(index)

    def rows(self) -> CheckInRows:
        """Return the rows added (no row may be added after this)."""
        self._rows._notes.finish()
        return self._rows


def rows_of(log: CheckInLog) -> CheckInRows:
    """Return the columns of ``log``'s rows (built from its ``CheckIn`` objects when it holds plain ones)."""
    if isinstance(log.rows, CheckInRows):
        return log.rows
    builder = RowsBuilder(log.loc.path)
    for row in log.rows:
        marks = {name: (loc.line, loc.column) for name, loc in row.fields.items()}
        where = (row.index, row.loc.line, (row.loc.column, *layout_of(marks, row.loc.line)))
        key = (row.kr, row.kpi, row.author, row.team)
        builder.add(row.date, key, row.value, row.confidence, row.note, where)
    return builder.rows().with_resolved([row.resolved for row in log.rows])
