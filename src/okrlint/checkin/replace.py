"""Replace one check-in row in place (``okrlint checkin --replace``): only its changed values are rewritten.

Every other byte of the file stays as it is — other rows, comments (also those at the end of
the row's own lines), the row's date and reference, the fields not given. A field the row
lacks is added after its last field, in the row's style (block or flow).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from okrlint.checkin.splice import _csv_cell, _quote_styles, newline_of, scalar
from okrlint.source.yamlevents import end_of, start_of
from okrlint.source.yamlload import YMap, YSeq, load_yaml


@dataclass
class _Spans:
    """Where a flow or block mapping's values sit in the text (string indexes)."""

    values: dict[str, tuple[int, int]] = field(default_factory=dict)
    last_end: int = 0
    flow: bool = False


def _spans(text: str, line: int, column: int) -> _Spans:
    """Return the value spans of the mapping that starts at ``line``:``column`` (1-based)."""
    found = _Spans()
    depth, key, started = 0, None, False
    for event in yaml.parse(text):
        if not started:
            mark = start_of(event)
            if isinstance(event, yaml.MappingStartEvent) and (mark.line + 1, mark.column + 1) == (line, column):
                started, depth, found.flow = True, 1, bool(event.flow_style)
            continue
        if isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            depth -= 1
            if depth == 0:
                return found
            continue
        found.last_end = max(found.last_end, end_of(event).index)
        if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            depth, key = depth + 1, None if depth == 1 else key
        elif depth == 1 and isinstance(event, yaml.ScalarEvent):
            if key is None:
                key = event.value
            else:
                found.values[key] = (start_of(event).index, end_of(event).index)
                key = None
    raise ValueError("could not find the row in the file")


def replace_yaml_row(text: str, index: int, fields: Mapping[str, Any]) -> str:
    """Return ``text`` with the values of ``fields`` set in row ``index`` of its ``checkins`` list."""
    root = load_yaml(text).root
    if not isinstance(root, YMap) or not isinstance(root.get("checkins"), YSeq):
        raise ValueError("the file has no checkins list")
    seq: YSeq = root["checkins"]
    item = seq[index]
    if not isinstance(item, YMap):
        raise ValueError("the row is not a mapping")
    line, column = seq.item_marks[index]
    spans = _spans(text, line, column)
    quotes = _quote_styles(text, item)
    edits: list[tuple[int, int, str]] = []
    added: list[str] = []
    for key, value in fields.items():
        written = scalar(value, quotes.get(key, ""))
        if key in spans.values:
            start, end = spans.values[key]
            edits.append((start, end, written))
        else:
            added.append(f"{key}: {written}")
    if added and spans.flow:
        edits.append((spans.last_end, spans.last_end, "".join(f", {entry}" for entry in added)))
    elif added:
        line_end = text.find("\n", spans.last_end)
        at = len(text) if line_end < 0 else line_end - (1 if text[line_end - 1 : line_end] == "\r" else 0)
        newline, indent = newline_of(text), " " * (column - 1)
        edits.append((at, at, "".join(f"{newline}{indent}{entry}" for entry in added)))
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def replace_csv_row(text: str, line: int, fields: Mapping[str, Any], delimiter: str) -> str:
    """Return the CSV log ``text`` with the cells of ``fields`` set in the row on ``line``; KeyError names a column."""
    lines = text.splitlines(keepends=True)
    first = next((row for row in lines if row.strip()), "").removeprefix("\ufeff")
    header = [name.strip().lower() for name in next(csv.reader([first], delimiter=delimiter))]
    old = lines[line - 1]
    body = old.rstrip("\r\n")
    cells = next(csv.reader([body], delimiter=delimiter), [])
    cells += [""] * (len(header) - len(cells))
    for key, value in fields.items():
        if key not in header:
            raise KeyError(key)
        cells[header.index(key)] = _csv_cell(value)
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=old[len(body) :]).writerow(cells)
    return "".join([*lines[: line - 1], buffer.getvalue(), *lines[line:]])


def shown_row(node: Any) -> str:
    """Return a loaded check-in row as one line: ``{date: 2026-10-12, kr: checkout/latency, value: 1100}``."""
    if not isinstance(node, Mapping):
        return str(node)
    return "{" + ", ".join(f"{key}: {scalar(value)}" for key, value in node.items()) + "}"
