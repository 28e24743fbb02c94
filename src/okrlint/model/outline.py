"""The outline of an OKR set: what the rules comparing OKR sets read of it, kept as bytes in its file's summary.

An edited OKR set is linted against every other set (alignment, cycles, duplicate periods,
references and their hints), but those rules read only a set's place, team and period, its
objectives' ids and ``aligns`` entries, and the ``kpi`` of its key results, with their places.
:func:`encode_outlines` keeps just that; :func:`sets_from_outlines` rebuilds model objects holding
it (key results only where they name a KPI, with nothing else), so the pre-commit path and a
whole lint after an edit need not load and build every OKR set of a large repository.
"""

from __future__ import annotations

import marshal
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from okrlint.model.periods import Period
from okrlint.model.repository import NO_FIELDS, FieldLocs, KeyResult, Loc, Objective, OkrSet, layout_of

_SET_FIELDS = ("team",)
_KR_FIELDS = ("kpi",)


def _layout(fields: Mapping[str, Loc], names: Iterable[str], line: int) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Return the layout (``layout_of``) of the fields ``names`` present in ``fields``, from ``line``."""
    return layout_of({name: ((loc := fields[name]).line, loc.column) for name in names if name in fields}, line)


def _outline(okr_set: OkrSet) -> tuple[Any, ...]:
    period = okr_set.period
    objectives = tuple(
        (
            o.loc.line,
            o.loc.column,
            o.id,
            o.aligns,
            *_layout(o.fields, ["aligns", *(f"aligns[{i}]" for i in range(len(o.aligns)))], o.loc.line),
            tuple(
                (kr.loc.line, kr.loc.column, kr.id, kr.kpi, *_layout(kr.fields, _KR_FIELDS, kr.loc.line))
                for kr in o.key_results
                if kr.kpi is not None
            ),
        )
        for o in okr_set.objectives
    )
    return (
        okr_set.loc.line,
        okr_set.loc.column,
        okr_set.team,
        _layout(okr_set.fields, _SET_FIELDS, okr_set.loc.line),
        (period.start.toordinal(), period.end.toordinal(), period.id),
        objectives,
    )


def encode_outlines(sets: Sequence[OkrSet]) -> bytes:
    """Return the outlines of ``sets`` (one file's) as bytes; empty bytes when there are none."""
    return marshal.dumps(tuple(_outline(s) for s in sets)) if sets else b""


def _fields(path: str, line: int, keys: tuple[str, ...], shape: tuple[int, ...]) -> Mapping[str, Loc]:
    """Return the field locations laid out as ``keys`` and ``shape`` from ``line`` (most objectives have none)."""
    return FieldLocs.laid_out(path, line, keys, shape) if keys else NO_FIELDS


def _key_result(path: str, data: tuple[Any, ...]) -> KeyResult:
    line, column, kr_id, kpi, keys, shape = data
    return KeyResult(Loc(path, line, column), _fields(path, line, keys, shape), id=kr_id, kpi=kpi)


def _objective(path: str, data: tuple[Any, ...], kpis: bool) -> Objective:
    line, column, objective_id, aligns, keys, shape, key_results = data
    return Objective(
        Loc(path, line, column),
        _fields(path, line, keys, shape),
        id=objective_id,
        aligns=tuple(aligns),
        key_results=tuple(_key_result(path, kr) for kr in key_results) if kpis else (),
    )


def sets_from_outlines(path: str, data: bytes, kpis: bool = True) -> list[OkrSet]:
    """Return the OKR sets of file ``path`` rebuilt from ``encode_outlines`` bytes (key results only with a ``kpi``).

    Without ``kpis`` the key results are left out too: the findings E005 reports on their ``kpi`` are
    the only ones they give, and a caller that wants no finding of these sets need not build them.

    Raises ValueError (or TypeError) when ``data`` is not such bytes.
    """
    return [
        OkrSet(
            Loc(path, line, column),
            FieldLocs.laid_out(path, line, keys, shape),
            team=team,
            period=Period(date.fromordinal(start), date.fromordinal(end), period_id),
            objectives=tuple(_objective(path, objective, kpis) for objective in objectives),
        )
        for line, column, team, (keys, shape), (start, end, period_id), objectives in marshal.loads(data)
    ]
