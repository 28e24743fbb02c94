"""CSV check-in logs (SPEC §1.4): header-driven, errors at ``path:row:column``."""

from __future__ import annotations

import csv
import io
from datetime import date
from types import MappingProxyType

from okrlint.model import CheckIn, CheckInLog, Loc
from okrlint.yamlload import LoadProblem

COLUMNS = ("date", "value", "kr", "kpi", "team", "confidence", "author", "note")
_TRUE = {"true", "done", "yes"}
_FALSE = {"false", "no"}


def is_checkin_header(header: list[str]) -> bool:
    """Return True when a CSV header makes the file a check-in log."""
    names = {h.strip().lower() for h in header}
    return {"date", "value"} <= names and bool(names & {"kr", "kpi"})


def parse_cell_value(text: str) -> float | bool | None:
    """Return a check-in value from CSV text: a number, or a milestone's true/false/done."""
    lowered = text.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    try:
        return float(lowered.replace(",", "")) if lowered else None
    except ValueError:
        return None


def read_csv_log(path: str, text: str) -> tuple[CheckInLog | None, list[LoadProblem]]:
    """Parse a CSV check-in log; None (and no problems) when the file is not a check-in log."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    problems: list[LoadProblem] = []
    start_line = 1  # where the row being read begins: a broken quote is reported there, not at the end
    try:
        header = next(reader, None)
        if header is None or not is_checkin_header(header):
            return None, []
        names = [h.strip().lower() for h in header]
        rows: list[CheckIn] = []
        start_line = reader.line_num + 1
        for cells in reader:
            line = start_line
            start_line = reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue
            row = _row(path, line, names, cells, len(rows), problems)
            if row is not None:
                rows.append(row)
    except csv.Error as error:
        problems.append(LoadProblem("E001", start_line, 1, f"invalid CSV: {error}"))
        return None, problems
    return CheckInLog(Loc(path, 1, 1), rows=tuple(rows)), problems


def _row(path: str, line: int, names: list[str], cells: list[str], index: int,
         problems: list[LoadProblem]) -> CheckIn | None:
    if len(cells) > len(names):
        problems.append(LoadProblem("E002", line, len(names) + 1,
                                    f"row has {len(cells)} cells but the header has {len(names)} columns"))
        return None
    values = {name: cells[i].strip() for i, name in enumerate(names) if i < len(cells) and name in COLUMNS}
    column = {name: i + 1 for i, name in enumerate(names)}
    fields = MappingProxyType({name: Loc(path, line, column[name]) for name in values})

    def bad(name: str, message: str) -> None:
        problems.append(LoadProblem("E002", line, column.get(name, 1), message))

    try:
        day = date.fromisoformat(values.get("date", ""))
    except ValueError:
        bad("date", f"date {values.get('date', '')!r} is not a valid date (YYYY-MM-DD)")
        return None
    kr, kpi = values.get("kr") or None, values.get("kpi") or None
    if (kr is None) == (kpi is None):
        bad("kr" if "kr" in column else "kpi", "a check-in row names exactly one of kr or kpi")
        return None
    value = parse_cell_value(values.get("value", ""))
    if value is None:
        bad("value", f"value {values.get('value', '')!r} is not a number or true/false/done")
        return None
    confidence = None
    if values.get("confidence"):
        try:
            confidence = float(values["confidence"])
        except ValueError:
            bad("confidence", f"confidence {values['confidence']!r} is not a number")
            return None
    team = values.get("team") or None
    if kr is not None and team is None and kr.count("/") != 2:
        bad("kr", f"kr {kr!r} must be team/objective/kr when the file has no team column")
        return None
    return CheckIn(Loc(path, line, 1), fields, date=day, kr=kr, kpi=kpi, value=value, confidence=confidence,
                   author=values.get("author") or None, note=values.get("note") or None, team=team, index=index)
