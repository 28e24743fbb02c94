"""Check-in rows grouped by what they report on (a KR or a KPI), kept as row numbers, not rows."""

from __future__ import annotations

import heapq
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from itertools import groupby, pairwise, repeat
from operator import itemgetter
from typing import Any, overload

from okrlint.model.repository import CheckIn, CheckInLog, KrRef
from okrlint.model.rows import CheckInRows, day_of, rows_of


class RowGroup(Sequence[CheckIn]):
    """Some rows of some logs, in a given order: ``group[i]`` makes the ``CheckIn`` of the i-th row."""

    __slots__ = ("_positions", "_stores", "_which")

    def __init__(self, stores: tuple[CheckInRows, ...], which: array[int], positions: array[int]) -> None:
        """Keep row ``i`` as row ``positions[i]`` of ``stores[which[i]]``."""
        self._stores, self._which, self._positions = stores, which, positions

    def __len__(self) -> int:
        return len(self._positions)

    @overload
    def __getitem__(self, i: int) -> CheckIn: ...

    @overload
    def __getitem__(self, i: slice) -> RowGroup: ...

    def __getitem__(self, i: int | slice) -> CheckIn | RowGroup:
        if isinstance(i, slice):
            return RowGroup(self._stores, self._which[i], self._positions[i])
        return self._stores[self._which[i]][self._positions[i]]

    def place(self, i: int) -> tuple[CheckInRows, int]:
        """Return the log rows and the position in them of the i-th row."""
        return self._stores[self._which[i]], self._positions[i]

    def ordinals(self) -> array[int]:
        """Return the day number of each row's date, in order."""
        return array("i", self._column("ordinal"))

    def _column(self, name: str) -> list[Any]:
        """Return field ``name`` (``CheckInRows.field_at``) of every row in order, a log's run of rows at a time."""
        stores, found = self._stores, list[Any]()
        for w, run in groupby(zip(self._which, self._positions, strict=True), key=itemgetter(0)):
            found += stores[w].field_at(name, [p for _, p in run])
        return found

    def dates(self) -> Iterator[date]:
        """Yield each row's date, in order."""
        return map(day_of, self.ordinals())

    def values(self) -> Iterator[Any]:
        """Yield each row's value, in order (without making the rows)."""
        return iter(self._column("value"))

    def fields(self, *names: str) -> Iterator[tuple[Any, ...]]:
        """Yield, row by row in order, the fields ``names`` (see ``CheckInRows.field``) without making the rows."""
        if not names:
            yield from repeat((), len(self))
            return
        yield from zip(*map(self._column, names), strict=True)

    def value(self, i: int) -> Any:
        """Return the value of the i-th row (without making its ``CheckIn``)."""
        return self._stores[self._which[i]].value(self._positions[i])

    def last_date(self) -> date | None:
        """Return the date of the last row, None when there is none."""
        return day_of(self._stores[self._which[-1]].ordinal(self._positions[-1])) if self else None

    def where(self, keep: Callable[[int, Any], bool]) -> RowGroup:
        """Return the rows for which ``keep(day number, value)`` is true, in the same order."""
        chosen = [
            i
            for i, (ordinal, value) in enumerate(zip(self.ordinals(), self.values(), strict=True))
            if keep(ordinal, value)
        ]
        if len(chosen) == len(self):
            return self
        return self._picked(chosen)

    def _picked(self, chosen: Iterable[int]) -> RowGroup:
        which, positions = array("i"), array("i")
        for i in chosen:
            which.append(self._which[i])
            positions.append(self._positions[i])
        return RowGroup(self._stores, which, positions)

    def until(self, day: date) -> RowGroup:
        """Return the rows dated on or before ``day`` (of a group in date order)."""
        cut = day.toordinal()
        if not self or self._stores[self._which[-1]].ordinal(self._positions[-1]) <= cut:
            return self
        return self[: bisect_right(self.ordinals(), cut)]

    def in_scoring_order(self) -> RowGroup:
        """Return the rows (of a group in file order) in scoring order: by date, then file path, then position.

        Each log's rows are put in date order (they usually are), then the logs are merged.
        """
        runs: list[Iterator[tuple[int, str, int, int]]] = []  # per log: (day, path, position, log number)
        moved = False
        for number, run in groupby(zip(self._which, self._positions, strict=True), key=itemgetter(0)):
            rows, positions = self._stores[number], array("i", map(itemgetter(1), run))
            days = array("i", map(rows.ordinal, positions))
            if any(a > b for a, b in pairwise(days)):  # a log out of date order (T402 reports it)
                order = sorted(range(len(days)), key=days.__getitem__)  # stable: file order within a day
                days, positions = array("i", (days[i] for i in order)), array("i", (positions[i] for i in order))
                moved = True
            runs.append(zip(days, repeat(rows.path), positions, repeat(number)))
        if len(runs) <= 1 and not moved:
            return self
        which, positions = array("i"), array("i")
        for _, _, position, number in heapq.merge(*runs):
            which.append(number)
            positions.append(position)
        return RowGroup(self._stores, which, positions)


NO_ROWS = RowGroup((), array("i"), array("i"))


def group_rows(
    logs: Iterable[CheckInLog], up_to: date | None = None
) -> tuple[dict[KrRef, RowGroup], dict[str, RowGroup]]:
    """Return the rows (dated on or before ``up_to``, if given) by the KR they resolved to and by KPI, in file order.

    A KPI row counts for its KPI only; a KR row that names no known KR is in no group.
    """
    stores = tuple(rows_of(log) for log in logs)
    cut = up_to.toordinal() if up_to is not None else None
    by_kr: dict[KrRef, tuple[array[int], array[int]]] = {}
    by_kpi: dict[str, tuple[array[int], array[int]]] = {}
    of_ref: dict[int, tuple[array[int], array[int]]] = {}  # by id(ref): a KrRef's hash is slow, and refs are shared
    for number, rows in enumerate(stores):
        for position, ordinal, kpi, ref in rows.scan("position", "ordinal", "kpi", "resolved"):
            if cut is not None and ordinal > cut:
                continue
            if kpi is not None:
                part = by_kpi.get(kpi) or by_kpi.setdefault(kpi, (array("i"), array("i")))
            elif ref is not None:
                part = of_ref.get(id(ref)) or of_ref.setdefault(
                    id(ref), by_kr.get(ref) or by_kr.setdefault(ref, (array("i"), array("i")))
                )
            else:
                continue
            part[0].append(number)
            part[1].append(position)
    return (
        {ref: RowGroup(stores, *part) for ref, part in by_kr.items()},
        {kpi: RowGroup(stores, *part) for kpi, part in by_kpi.items()},
    )


def subjects_of(groups: tuple[dict[KrRef, RowGroup], dict[str, RowGroup]]) -> Sequence[tuple[str, RowGroup]]:
    """Return each group of ``group_rows`` with what its rows report on (``KPI x`` or ``key result t/o/k``)."""
    by_kr, by_kpi = groups
    return [(f"KPI {kpi}", group) for kpi, group in by_kpi.items()] + [
        (f"key result {ref}", group) for ref, group in by_kr.items()
    ]
