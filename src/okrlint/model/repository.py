"""The typed, read-only model of an OKR repository; every object knows where it came from."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import field
from datetime import date
from types import MappingProxyType

from okrlint.model.periods import Period
from okrlint.util.records import record

NO_FIELDS: Mapping[str, Loc] = MappingProxyType({})  # the field locations of an object with none


@record(order=True)
class Loc:
    """A 1-based position in a file (path relative to the repository root, ``/``-separated)."""

    path: str
    line: int
    column: int


_KEY_TUPLES: dict[tuple[str, ...], tuple[str, ...]] = {}
_SHAPES: dict[tuple[int, ...], tuple[int, ...]] = {}


def layout_of(marks: Mapping[str, tuple[int, int]], line: int) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Return the field names of ``marks`` and their (line offset from ``line``, column) pairs, both shared."""
    keys = tuple(marks)
    shape = tuple(part for mark_line, column in marks.values() for part in (mark_line - line, column))
    return _KEY_TUPLES.setdefault(keys, keys), _SHAPES.setdefault(shape, shape)


class FieldLocs(Mapping[str, Loc]):
    """The locations of an object's fields, kept compact and turned into ``Loc`` on demand.

    A repository can hold millions of check-in rows, and rows written alike have their fields
    at the same columns and the same line offsets: each object keeps its first field's line and
    a shape (line offset and column per field) shared by every object laid out the same way.
    """

    __slots__ = ("_keys", "_line", "_path", "_shape")

    def __init__(self, path: str, marks: Mapping[str, tuple[int, int]], line: int | None = None) -> None:
        """Keep ``marks`` (field -> line, column) relative to ``line`` (default: the first field's)."""
        base = line if line is not None else next(iter(marks.values()))[0] if marks else 0
        self._path, self._line = path, base
        self._keys, self._shape = layout_of(marks, base)

    @classmethod
    def from_marks(cls, path: str, marks: Iterable[tuple[str, int, int]], line: int) -> FieldLocs:
        """Return the locations of fields given as ``(name, line, column)`` (as ``field_marks`` gives them)."""
        return cls(path, {name: (mark_line, column) for name, mark_line, column in marks}, line)

    @classmethod
    def laid_out(cls, path: str, line: int, keys: tuple[str, ...], shape: tuple[int, ...]) -> FieldLocs:
        """Return the locations of fields laid out as ``layout_of`` gave (``keys``, ``shape``) from ``line``."""
        locs = cls.__new__(cls)
        locs._path, locs._line, locs._keys, locs._shape = path, line, keys, shape
        return locs

    def __getitem__(self, key: str) -> Loc:
        try:
            i = 2 * self._keys.index(key)
        except ValueError:
            raise KeyError(key) from None
        return Loc(self._path, self._line + self._shape[i], self._shape[i + 1])

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


def field_marks(fields: Mapping[str, Loc], names: Iterable[str] | None = None) -> tuple[tuple[str, int, int], ...]:
    """Return ``(name, line, column)`` of the fields ``names`` that are present (default: all), as plain data."""
    chosen = fields if names is None else (name for name in names if name in fields)
    return tuple((name, (loc := fields[name]).line, loc.column) for name in chosen)


@record
class Located:
    """Base for model objects: the object's own location and the locations of its fields."""

    loc: Loc
    fields: Mapping[str, Loc] = field(default_factory=lambda: NO_FIELDS, repr=False, compare=False)

    def at(self, name: str) -> Loc:
        """Return the location of field ``name``, else of the object itself."""
        return self.fields.get(name, self.loc)


@record
class Team(Located):
    """One team of the org chart."""

    id: str = ""
    name: str = ""
    parent: str | None = None
    owner: str | None = None


@record
class KeyResult(Located):
    """A key result: metric (``target``), range (``range``) or milestone; kind None if none."""

    id: str = ""
    title: str = ""
    kind: str | None = None
    baseline: float | None = None
    target: float | None = None
    range: tuple[float, float] | None = None
    unit: str | None = None
    direction: str | None = None
    kpi: str | None = None
    weight: float = 1.0
    owner: str | None = None
    due: date | None = None
    description: str | None = None
    commit: float | None = None
    stretch: float | None = None
    carried_from: str | None = None

    @property
    def zoned(self) -> bool:
        """Return True when this metric KR has stretch zones (``commit`` and/or ``stretch``)."""
        return self.kind == "metric" and (self.commit is not None or self.stretch is not None)

    @property
    def increasing(self) -> bool:
        """Return True when a larger value is better for this KR."""
        if self.baseline is not None and self.target is not None and self.target != self.baseline:
            return self.target > self.baseline
        return self.direction != "decrease"


@record
class Objective(Located):
    """An objective with its key results; ``owner`` is already inherited from the set."""

    id: str = ""
    title: str = ""
    type: str = "aspirational"
    owner: str | None = None
    aligns: tuple[str, ...] = ()
    description: str | None = None
    key_results: tuple[KeyResult, ...] = ()
    key_results_loc: Loc | None = None


@record
class OkrSet(Located):
    """One team's OKRs for one period."""

    team: str = ""
    period: Period = Period(date.min, date.min, "")
    owner: str | None = None
    objectives: tuple[Objective, ...] = ()
    objectives_loc: Loc | None = None


@record
class Kpi(Located):
    """A KPI of the catalogue."""

    id: str = ""
    name: str = ""
    unit: str | None = None
    direction: str = "increase"
    category: str | None = None
    source: str | None = None
    owner: str | None = None
    cadence: str | None = None
    target: float | None = None
    range: tuple[float, float] | None = None


@record
class KrRef:
    """The key result a check-in row resolved to."""

    team: str
    objective: str
    kr: str
    period: str

    def __str__(self) -> str:
        return f"{self.team}/{self.objective}/{self.kr}"


@record
class CheckIn(Located):
    """One row of a check-in log: a KR check-in (``kr``) or a KPI measurement (``kpi``).

    ``value`` is a number or a bool as written; ``resolved`` is the KR the row belongs to,
    None for KPI rows and for references that name nothing.
    """

    date: date = date.min
    kr: str | None = None
    kpi: str | None = None
    value: float | bool | None = None
    confidence: float | None = None
    author: str | None = None
    note: str | None = None
    team: str | None = None
    resolved: KrRef | None = None
    index: int = 0


@record
class CheckInLog(Located):
    """A check-in log file (YAML or CSV) and its rows in file order.

    The model keeps ``rows`` in columns (``okrlint.model.rows.CheckInRows``): each ``CheckIn``
    is made when it is read, so rules that look at every row scan the columns instead.
    """

    team: str | None = None
    period: Period | None = None
    rows: Sequence[CheckIn] = ()


@record
class Repository:
    """Everything loaded from one repository, plus the kinds some broken file left incomplete."""

    teams: tuple[Team, ...] = ()
    teams_declared: bool = False
    okr_sets: tuple[OkrSet, ...] = ()
    kpis: tuple[Kpi, ...] = ()
    logs: tuple[CheckInLog, ...] = ()
    incomplete: frozenset[str] = frozenset()
    kr_index: Mapping[tuple[str, str, str, str], tuple[OkrSet, Objective, KeyResult]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def team_ids(self) -> frozenset[str]:
        """Return the ids of all teams in the org chart."""
        return frozenset(team.id for team in self.teams)

    def kpi_by_id(self) -> dict[str, Kpi]:
        """Return KPIs by id (the first one when an id repeats)."""
        result: dict[str, Kpi] = {}
        for kpi in self.kpis:
            result.setdefault(kpi.id, kpi)
        return result

    def key_result(self, ref: KrRef) -> tuple[OkrSet, Objective, KeyResult] | None:
        """Return the OKR set, objective and KR a resolved reference names."""
        return self.kr_index.get((ref.team, ref.period, ref.objective, ref.kr))

    def checkins(self) -> Iterator[CheckIn]:
        """Yield every check-in row of every log, in file order (each made as it is read)."""
        return (row for log in self.logs for row in log.rows)
