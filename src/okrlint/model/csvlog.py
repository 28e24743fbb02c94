"""Turn the records of a CSV check-in log (source stage) into the model's check-in log."""

from __future__ import annotations

from okrlint.model.repository import CheckIn, CheckInLog, Loc, RowLocs
from okrlint.source.csvlog import CsvRecord, read_csv_records
from okrlint.source.problems import LoadProblem


def checkin_of(path: str, record: CsvRecord) -> CheckIn:
    """Return the check-in row of one CSV record of the file ``path``."""
    return CheckIn(
        Loc(path, record.line, 1),
        RowLocs(path, record.line, record.columns),
        date=record.date,
        kr=record.kr,
        kpi=record.kpi,
        value=record.value,
        confidence=record.confidence,
        author=record.author,
        note=record.note,
        team=record.team,
        index=record.index,
    )


def read_csv_log(path: str, text: str) -> tuple[CheckInLog | None, list[LoadProblem]]:
    """Parse a CSV check-in log; None (and no problems) when the file is not a check-in log."""
    records, problems = read_csv_records(text)
    if records is None:
        return None, problems
    return CheckInLog(Loc(path, 1, 1), rows=tuple(checkin_of(path, r) for r in records)), problems
