"""A check-in log's model as plain data and back: the cache and worker processes keep logs built, not as trees.

A log's located tree costs a mapping per row; its model keeps each field of every row in a
column (``okrlint.model.rows``). :func:`encode_log` turns the model of a log that is not yet
resolved against the OKR sets into bytes and tuples for marshal, and :func:`decode_log` makes
the same model again without parsing or building anything row by row.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from okrlint.model.periods import Period
from okrlint.model.repository import CheckInLog, FieldLocs, Loc, field_marks
from okrlint.model.rows import CheckInRows, rows_of
from okrlint.source.loader import LoadedFile
from okrlint.source.problems import LoadProblem


def encode_log(log: CheckInLog) -> tuple[Any, ...]:
    """Return the plain-data form of an unresolved check-in log (raise ValueError for resolved rows)."""
    period = log.period
    return (
        log.loc.line,
        log.loc.column,
        field_marks(log.fields),
        log.team,
        None if period is None else (period.start.toordinal(), period.end.toordinal(), period.id),
        rows_of(log).columns(),
    )


def decode_log(path: str, data: tuple[Any, ...]) -> CheckInLog:
    """Return the log of file ``path`` that ``encode_log`` gave ``data`` for; raise ValueError or TypeError else."""
    line, column, marks, team, period, columns = data
    return CheckInLog(
        Loc(path, line, column),
        FieldLocs.from_marks(path, marks, line),
        team=team,
        period=None if period is None else Period(date.fromordinal(period[0]), date.fromordinal(period[1]), period[2]),
        rows=CheckInRows.from_columns(path, columns),
    )


def built_log(loaded: LoadedFile) -> tuple[CheckInLog, tuple[LoadProblem, ...]] | None:
    """Return the check-in log built in ``loaded``'s place, with its problems (TypeError for anything else)."""
    if loaded.built is None:
        return None
    log, problems = loaded.built
    if not isinstance(log, CheckInLog):
        raise TypeError(f"{loaded.source.rel}: a built file holds a {type(log).__name__}, not a check-in log")
    return log, problems
