"""CSV check-in logs (SPEC §1.4): header-driven, errors at ``path:row:column``.

A problem's line is the file line where the record starts (the spreadsheet row when no
cell holds a line break) and its column is the 1-based cell number. Spreadsheet exports
work: quoted cells, a UTF-8 BOM, CRLF line ends, blank trailing lines, trailing empty
cells, and ``;`` or tab as the separator when the header uses it.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from functools import lru_cache
from types import MappingProxyType
from typing import NamedTuple

from okrlint.source.problems import LoadProblem
from okrlint.util.numbers import parse_number
from okrlint.util.text import closest, shared

COLUMNS = ("date", "value", "kr", "kpi", "team", "confidence", "author", "note")
DELIMITERS = (",", ";", "\t")
# Words a milestone check-in may use, in CSV cells and on the command line.
TRUE_WORDS = frozenset({"true", "done"})
FALSE_WORDS = frozenset({"false"})
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_SLUG = r"[a-z0-9][a-z0-9_-]*"
_SLUG_RE = re.compile(_SLUG + r"\Z")
_KR_RE = re.compile(rf"(?:{_SLUG}/){{1,2}}{_SLUG}\Z")


class CsvRecord(NamedTuple):
    """One valid record of a CSV check-in log: its values and where they stand (``line``, cell columns)."""

    line: int
    row_index: int  # the record's position among the file's records (``CheckIn.index``)
    columns: Mapping[str, int]
    date: date
    kr: str | None
    kpi: str | None
    value: float | bool
    confidence: float | None
    author: str | None
    note: str | None
    team: str | None


def is_checkin_header(header: list[str]) -> bool:
    """Return True when a CSV header makes the file a check-in log."""
    names = {h.strip().lower() for h in header}
    return {"date", "value"} <= names and bool(names & {"kr", "kpi"})


def parse_cell_value(text: str) -> float | bool | None:
    """Return a check-in value from CSV text: a number, or a milestone's true/false/done."""
    lowered = text.strip().lower()
    if lowered in TRUE_WORDS:
        return True
    if lowered in FALSE_WORDS:
        return False
    number = parse_number(lowered)
    return None if number is None else float(number)


# What str.splitlines() keeps between line breaks.
_LINE_CONTENT_RE = re.compile("[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")


def first_line(text: str) -> str:
    """Return the first line of ``text`` (as ``str.splitlines`` splits) that is not blank, "" if none."""
    return next((line for m in _LINE_CONTENT_RE.finditer(text) if (line := m.group()).strip()), "")


def sniff_delimiter(text: str) -> str | None:
    """Return the separator with which the first line is a check-in header, None if none is."""
    first = first_line(text)
    for delimiter in DELIMITERS:
        header = next(csv.reader([first], delimiter=delimiter), [])
        if is_checkin_header(header):
            return delimiter
    return None


def locate_quote_error(text: str, delimiter: str) -> tuple[int, int, str]:
    """Return (line, cell, message) of the first quoting error in ``text``: a quote never closed, or
    text straight after a closing quote."""
    line, cell, opened, i = 1, 1, (1, 1), 0
    at_start, quoted = True, False
    while i < len(text):
        char = text[i]
        if quoted:
            if char == '"':
                if text.startswith('"', i + 1):
                    i += 1
                else:
                    quoted = False
                    following = text[i + 1 : i + 2]
                    if following not in ("", delimiter, "\n", "\r"):
                        return line, cell, f"unexpected {following!r} after the closing quote of a quoted cell"
            elif char == "\n":
                line += 1
        elif char == '"' and at_start:
            quoted, opened = True, (line, cell)
        elif char == delimiter:
            cell += 1
            at_start = True
            i += 1
            continue
        elif char == "\n":
            line, cell = line + 1, 1
            at_start = True
            i += 1
            continue
        at_start = False
        i += 1
    if quoted:
        return opened[0], opened[1], "a quoted cell is never closed (unbalanced '\"')"
    return line, 1, "invalid CSV"


_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def physical_lines(text: str) -> Iterator[str]:
    """Yield the lines of ``text`` with their ends, split where ``io.StringIO(text, newline="")`` splits them.

    Unlike ``io.StringIO``, this makes no copy of the text (at four bytes a character).
    """
    return (m.group() for m in _LINE_RE.finditer(text))


class _Lines:
    """The physical lines of a CSV text for ``csv.reader``, without comment lines between records.

    A line that starts with ``#`` where a record starts is a comment (it may hold an
    ``okrlint:`` directive) and is never a row; ``record_line`` is the file line where the
    record being read started.
    """

    def __init__(self, text: str) -> None:
        self._lines = physical_lines(text)
        self._number = 0
        self._boundary = True
        self.record_line = 1

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        while True:
            line = next(self._lines)
            self._number += 1
            if not self._boundary:
                return line
            if not line.startswith("#"):
                self._boundary = False
                self.record_line = self._number
                return line

    def record_done(self) -> None:
        """Say that the reader returned a record: the next line pulled starts a new one."""
        self._boundary = True


@lru_cache(maxsize=256)
def _columns(names: tuple[str, ...], numbers: tuple[int, ...]) -> Mapping[str, int]:
    """Return one shared, read-only column map for the records that fill the same cells."""
    return MappingProxyType(dict(zip(names, numbers, strict=True)))


@lru_cache(maxsize=4096)
def _day(text: str) -> date | None:
    """Return the ISO date a cell holds, else None; records share one object per date."""
    try:
        return date.fromisoformat(text) if _DATE_RE.match(text) else None
    except ValueError:
        return None


def read_csv_records(text: str) -> tuple[Iterator[CsvRecord] | None, list[LoadProblem]]:
    """Parse a CSV check-in log into its valid records; None (and no problems) when it is not a check-in log.

    Records are read as the iterator is consumed (a large log is never held as records), and the
    problems found on the way are added to the list, which is complete once the iterator is.
    """
    text = text.removeprefix("\ufeff")
    delimiter = sniff_delimiter(text)
    if delimiter is None:
        return None, []
    problems: list[LoadProblem] = []
    return _records(text, delimiter, problems), problems


def _records(text: str, delimiter: str, problems: list[LoadProblem]) -> Iterator[CsvRecord]:
    """Yield the valid records of a check-in log, adding what is wrong with the others to ``problems``."""
    lines = _Lines(text)
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    try:
        header: list[str] = []
        while not any(cell.strip() for cell in header):
            header = next(reader)
            lines.record_done()
        names = _header(header, lines.record_line, problems)
        for index, cells in enumerate(reader):
            line = lines.record_line
            lines.record_done()
            if any(cell.strip() for cell in cells):
                row = _row(line, names, cells, index, problems)
                if row is not None:
                    yield row
    except csv.Error:
        problems.append(LoadProblem("E001", *locate_quote_error(text, delimiter)))


def _header(header: list[str], line: int, problems: list[LoadProblem]) -> list[str]:
    """Return the lower-cased column names; report unknown and repeated ones (their cells are ignored)."""
    names: list[str] = []
    for column, raw in enumerate(header, 1):
        name = raw.strip().lower()
        if name and name not in COLUMNS:
            hint = closest(name, COLUMNS)
            known = f"did you mean {hint!r}?" if hint else f"known columns: {', '.join(COLUMNS)}"
            problems.append(LoadProblem("E002", line, column, f"unknown column {raw.strip()!r} ({known})"))
            name = ""
        elif name and name in names:
            problems.append(LoadProblem("E002", line, column, f"column {name!r} appears twice in the header"))
            name = ""
        names.append(name)
    return names


def _row(line: int, names: list[str], cells: list[str], index: int, problems: list[LoadProblem]) -> CsvRecord | None:
    """Return one record's values, or None after reporting what is wrong with it."""
    stray = next((i for i, cell in enumerate(cells) if cell.strip() and (i >= len(names) or not names[i])), None)
    if stray is not None:
        where = f"the header has {len(names)} columns" if stray >= len(names) else "its column has no known name"
        problems.append(LoadProblem("E002", line, stray + 1, f"cell {cells[stray].strip()!r} is not read: {where}"))
        return None
    values = {name: cells[i].strip() for i, name in enumerate(names) if name and i < len(cells)}
    column = {name: i + 1 for i, name in enumerate(names) if name}

    def bad(name: str, message: str) -> None:
        problems.append(LoadProblem("E002", line, column.get(name, 1), message))

    return _record(line, index, values, column, bad)


def _record(
    line: int, index: int, values: dict[str, str], column: dict[str, int], bad: Callable[[str, str], None]
) -> CsvRecord | None:
    """Check one record's cells; return its values, or None after ``bad`` named the first wrong cell."""
    text = values.get("date", "")
    day = _day(text)
    if day is None:
        bad("date", f"date {text!r} is not a valid date (YYYY-MM-DD)")
        return None
    kr, kpi, team = values.get("kr") or None, values.get("kpi") or None, values.get("team") or None
    if (kr is None) == (kpi is None):
        bad("kr" if "kr" in column else "kpi", "a check-in row names exactly one of kr or kpi")
        return None
    if team is not None and not _SLUG_RE.match(team):
        bad("team", f"team {team!r} is not an id (lowercase letters, digits, '-' and '_')")
        return None
    if kr is not None and not _KR_RE.match(kr):
        bad("kr", f"kr {kr!r} is not a reference like team/objective/kr")
        return None
    if kr is not None and team is None and kr.count("/") != 2:
        bad("kr", f"kr {kr!r} must be team/objective/kr when the row has no team")
        return None
    if kpi is not None and not _SLUG_RE.match(kpi):
        bad("kpi", f"kpi {kpi!r} is not an id (lowercase letters, digits, '-' and '_')")
        return None
    value = parse_cell_value(values.get("value", ""))
    if value is None:
        bad("value", f"value {values.get('value', '')!r} is not a number or true/false/done")
        return None
    confidence = None
    if values.get("confidence"):
        number = parse_number(values["confidence"])
        confidence = None if number is None else float(number)
        if confidence is None:
            bad("confidence", f"confidence {values['confidence']!r} is not a number from 0 to 1")
            return None
    filled = tuple(name for name, cell in values.items() if cell)
    written = _columns(filled, tuple(column[name] for name in filled))
    author, note = shared(values.get("author") or None), values.get("note") or None
    kr, kpi, team = shared(kr), shared(kpi), shared(team)
    return CsvRecord(line, index, written, day, kr, kpi, value, confidence, author, note, team)
