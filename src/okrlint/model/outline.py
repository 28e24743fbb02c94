"""The outline of an OKR set: what the rules comparing OKR sets read of it, kept as bytes in its file's summary.

An edited OKR set is linted against every other set (alignment, cycles, duplicate periods,
references and their hints), but those rules read only a set's place, team and period and its
objectives' ids and ``aligns`` entries with their places. :func:`encode_outlines` keeps just
that; :func:`sets_from_outlines` rebuilds model objects holding it (no key results), so the
pre-commit path need not load and build every OKR set of a large repository.
"""

from __future__ import annotations

import marshal
from collections.abc import Sequence
from datetime import date
from typing import Any

from okrlint.model.periods import Period
from okrlint.model.repository import FieldLocs, Loc, Objective, OkrSet, field_marks

_SET_FIELDS = ("team",)


def _outline(okr_set: OkrSet) -> tuple[Any, ...]:
    period = okr_set.period
    objectives = tuple(
        (
            o.loc.line,
            o.loc.column,
            o.id,
            o.aligns,
            field_marks(o.fields, ["aligns", *(f"aligns[{i}]" for i in range(len(o.aligns)))]),
        )
        for o in okr_set.objectives
    )
    return (
        okr_set.loc.line,
        okr_set.loc.column,
        okr_set.team,
        field_marks(okr_set.fields, _SET_FIELDS),
        (period.start.toordinal(), period.end.toordinal(), period.id),
        objectives,
    )


def encode_outlines(sets: Sequence[OkrSet]) -> bytes:
    """Return the outlines of ``sets`` (one file's) as bytes; empty bytes when there are none."""
    return marshal.dumps(tuple(_outline(s) for s in sets)) if sets else b""


def sets_from_outlines(path: str, data: bytes) -> list[OkrSet]:
    """Return the OKR sets of file ``path`` rebuilt from ``encode_outlines`` bytes (objectives without key results).

    Raises ValueError (or TypeError) when ``data`` is not such bytes.
    """
    sets = []
    for line, column, team, set_marks, (start, end, period_id), objectives in marshal.loads(data):
        sets.append(
            OkrSet(
                Loc(path, line, column),
                FieldLocs.from_marks(path, set_marks, line),
                team=team,
                period=Period(date.fromordinal(start), date.fromordinal(end), period_id),
                objectives=tuple(
                    Objective(
                        Loc(path, o_line, o_column),
                        FieldLocs.from_marks(path, marks, o_line),
                        id=objective_id,
                        aligns=tuple(aligns),
                    )
                    for o_line, o_column, objective_id, aligns, marks in objectives
                ),
            )
        )
    return sets
