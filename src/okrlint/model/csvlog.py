"""Turn the records of a CSV check-in log (source stage) into the model's check-in log."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from okrlint.model.repository import CheckInLog, Loc
from okrlint.model.rows import Layout, RowsBuilder
from okrlint.source.csvlog import read_csv_records
from okrlint.source.problems import LoadProblem


@lru_cache(maxsize=256)
def _layout(columns: tuple[tuple[str, int], ...]) -> Layout:
    """Return the layout of a CSV row whose cells ``columns`` (name, cell number) are filled: all on its line."""
    return (1, tuple(name for name, _ in columns), tuple(part for _, column in columns for part in (0, column)))


def layout_of_cells(columns: Mapping[str, int]) -> Layout:
    """Return the field layout of a CSV record with the filled cells ``columns``."""
    return _layout(tuple(columns.items()))


def read_csv_log(path: str, text: str) -> tuple[CheckInLog | None, list[LoadProblem]]:
    """Parse a CSV check-in log; None (and no problems) when the file is not a check-in log."""
    records, problems = read_csv_records(text)
    if records is None:
        return None, problems
    rows = RowsBuilder(path)
    for r in records:
        where = (r.row_index, r.line, layout_of_cells(r.columns))
        rows.add(r.date, (r.kr, r.kpi, r.author, r.team), r.value, r.confidence, r.note, where)
    return CheckInLog(Loc(path, 1, 1), rows=rows.rows()), problems
