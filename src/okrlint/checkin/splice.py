"""Append one row to a check-in log's text without re-serialising anything else.

Every byte already in the file stays as it is — comments, blank lines, key order, quoting,
flow style, indentation, line ends, a BOM. The new row is written in the style of the row
before it (its dash and key indentation, its key order, block or flow mapping, the quote
style of its date and text values) and inserted after it. Callers re-load the result to
check it (see ``okrlint.checkin.plan``).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from okrlint.source.yamlevents import end_of, start_of
from okrlint.source.yamlload import YMap, YSeq, load_yaml

Row = Mapping[str, Any]  # key → date | bool | int | float | str, in the order to write them


def newline_of(text: str) -> str:
    """Return the file's line end: CRLF when it uses CRLF, else LF."""
    return "\r\n" if "\r\n" in text else "\n"


def _plain_ok(text: str) -> bool:
    """Return True when ``text`` reads back as itself unquoted, in block and in flow context."""
    if not text or text != text.strip() or any(c in text for c in "\r\n\t"):
        return False
    for probe in (f"k: {text}\n", f"{{k: {text}}}\n"):
        result = load_yaml(probe)
        if result.problems or not isinstance(result.root, dict) or result.root.get("k") != text:
            return False
    return True


# Characters a YAML scalar may not hold literally (non-printables, and the Unicode line breaks
# NEL, LS, PS that a reader folds): written as escapes inside double quotes.
_UNSAFE = re.compile("[^\t\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")


def _double_quoted(text: str) -> str:
    """Return ``text`` as a double-quoted YAML scalar that reads back exactly."""
    encoded = json.dumps(text, ensure_ascii=False)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)


def scalar(value: Any, quote: str = "") -> str:
    """Return ``value`` as a YAML scalar; ``quote`` (``'`` or ``"``) forces that quote style for text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, float) else str(value)
    text = value.isoformat() if isinstance(value, date) else str(value)
    unsafe = _UNSAFE.search(text) is not None
    if quote == "'" and not unsafe:
        return "'" + text.replace("'", "''") + "'"
    if quote == '"' or unsafe or not _plain_ok(text):
        return _double_quoted(text)
    return text


def _quote_styles(text: str, item: YMap) -> dict[str, str]:
    """Return, per key of ``item``, the quote character its value is written with ('' when plain)."""
    lines = text.splitlines()
    styles: dict[str, str] = {}
    for key, (line, column) in item.value_marks.items():
        char = lines[line - 1][column - 1 : column] if line - 1 < len(lines) else ""
        styles[key] = char if char in ("'", '"') else ""
    return styles


def _ordered(row: Row, model: YMap | None) -> list[str]:
    """Return the row's keys in the order of the model row's keys, then in the row's own order."""
    first = [key for key in (model or {}) if key in row]
    return first + [key for key in row if key not in first]


def render_block_row(
    row: Row, dash: str, indent: str, newline: str, model: YMap | None = None, quotes: Mapping[str, str] | None = None
) -> str:
    """Return a block-mapping sequence item: ``dash`` before the first key, ``indent`` before the rest."""
    keys = _ordered(row, model)
    styles = quotes or {}
    lines = [
        f"{dash if i == 0 else indent}{key}: {scalar(row[key], styles.get(key, ''))}" for i, key in enumerate(keys)
    ]
    return newline.join(lines) + newline


def _flow_row(row: Row, model: YMap | None, quotes: Mapping[str, str]) -> str:
    keys = _ordered(row, model)
    return "{" + ", ".join(f"{key}: {scalar(row[key], quotes.get(key, ''))}" for key in keys) + "}"


def _insert_line(lines: Sequence[str], after: int, root: YMap) -> int:
    """Return the index of the line to insert before: past the sequence's last item and its comments,
    before the blank lines and column-1 comments that lead into the next top-level key."""
    following = [line for line, _ in root.key_marks.values() if line > after]
    end = min(following) - 1 if following else len(lines)
    cut = end
    while cut > after and (not lines[cut - 1].strip() or (following and lines[cut - 1].startswith("#"))):
        cut -= 1
    while cut > after and not lines[cut - 1].strip():
        cut -= 1
    return max(cut, after)


def append_yaml_row(text: str, row: Row) -> str:
    """Return ``text`` (a valid check-in log) with ``row`` appended to its ``checkins`` sequence."""
    root = load_yaml(text).root
    if not isinstance(root, YMap) or not isinstance(root.get("checkins"), YSeq):
        raise ValueError("the file has no checkins list")
    seq: YSeq = root["checkins"]
    newline = newline_of(text)
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += newline
    line, column = root.value_marks["checkins"]
    opener = lines[line - 1][column - 1 :]
    if opener.startswith("["):
        return _append_flow(lines, line, column, seq, row, text)
    model = seq[-1] if isinstance(seq[-1], YMap) else None
    quotes = _quote_styles(text, model) if model is not None else {}
    dash_column = seq.mark[1]
    item_line, item_column = seq.item_marks[-1]
    before = lines[item_line - 1][: item_column - 1]
    if before.strip() == "-":
        dash, indent = before, " " * (item_column - 1)
    else:  # the item starts on the line after its dash
        dash, indent = " " * (dash_column - 1) + "- ", " " * (dash_column + 1)
    if model is not None and lines[item_line - 1][item_column - 1 : item_column] == "{":
        new = dash + _flow_row(row, model, quotes) + newline
    else:
        new = render_block_row(row, dash, indent, newline, model, quotes)
    at = _insert_line(lines, item_line, root)
    return "".join([*lines[:at], new, *lines[at:]])


def _append_flow(lines: list[str], line: int, column: int, seq: YSeq, row: Row, text: str) -> str:
    """Append to ``checkins: [...]``: an empty ``[]`` becomes a block list, else the row joins the flow list."""
    newline = newline_of(text)
    current = lines[line - 1]
    if not seq:
        rest = current[column - 1 :]
        if not rest.startswith("[]"):
            raise ValueError("an empty flow list spread over several lines is not supported")
        head = current[: column - 1].rstrip()
        tail = rest[2:].rstrip("\r\n").strip()
        key_column = len(current) - len(current.lstrip())
        opened = head + (f"  {tail}" if tail else "") + newline
        dash = " " * (key_column + 2) + "- "
        new = render_block_row(row, dash, " " * len(dash), newline)
        return "".join([*lines[: line - 1], opened, new, *lines[line:]])
    end = _flow_sequence_end(text, line, column)
    model = seq[-1] if isinstance(seq[-1], YMap) else None
    quotes = _quote_styles(text, model) if model is not None else {}
    joined = "".join(lines)
    return joined[:end] + ", " + _flow_row(row, model, quotes) + joined[end:]


def _flow_sequence_end(text: str, line: int, column: int) -> int:
    """Return the string index just after the last item of the flow sequence starting at line:column."""
    import yaml

    depth, last_end = 0, None
    started = False
    for event in yaml.parse(text):
        mark = start_of(event)
        if not started:
            if isinstance(event, yaml.SequenceStartEvent) and (mark.line + 1, mark.column + 1) == (line, column):
                started, depth = True, 1
            continue
        if isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            depth += 1
        elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
            depth -= 1
            if depth == 0:
                break
            if depth == 1:
                last_end = end_of(event).index
        elif depth == 1:
            last_end = end_of(event).index
    if last_end is None:
        raise ValueError("could not find the end of the checkins list")
    return int(last_end)


def new_yaml_log(row: Row, *, team: str | None, modeline: str | None) -> str:
    """Return the text of a new check-in log holding ``row``."""
    head = f"# yaml-language-server: $schema={modeline}\n" if modeline else ""
    head += f"team: {team}\n" if team else ""
    return head + "checkins:\n" + render_block_row(row, "  - ", "    ", "\n")


def append_csv_row(text: str, row: Row, delimiter: str) -> str:
    """Return ``text`` (a CSV check-in log) with ``row`` appended in its columns; KeyError names a missing one."""
    first = next((line for line in text.removeprefix("\ufeff").splitlines() if line.strip()), "")
    header = [name.strip().lower() for name in next(csv.reader([first], delimiter=delimiter))]
    for key in row:
        if key not in header:
            raise KeyError(key)
    newline = newline_of(text)
    cells = ["" if name not in row else _csv_cell(row[name]) for name in header]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=newline).writerow(cells)
    prefix = text if not text or text.endswith(("\n", "\r")) else text + newline
    return prefix + buffer.getvalue()


def _csv_cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return repr(value) if isinstance(value, float) else str(value)
