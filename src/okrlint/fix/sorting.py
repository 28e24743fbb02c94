"""Sort a check-in log's rows by date as whole blocks of lines, each with the comments just above it."""

from __future__ import annotations

import re
from typing import Any

from okrlint.fix.locate import Lines, Splice
from okrlint.source.yamlload import YMap, YSeq

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_comment(line: str) -> bool:
    return line.lstrip(" ").startswith("#")


def _top(lines: Lines, line: int, floor: int) -> int:
    """Return the first line of the item starting on ``line``: comment lines just above belong to it."""
    while line - 1 > floor and _is_comment(lines.lines[line - 2]):
        line -= 1
    return line


def _last_line(lines: Lines, start: int, dash: int) -> int:
    """Return the last line of the sequence's last item, which starts on ``start``."""
    last = end = start
    while end < len(lines.lines):
        text = lines.body(end + 1)
        if text.strip() and not _is_comment(text) and _indent(text) <= dash:
            break
        end += 1
        if text.strip() and (_indent(text) > dash or not _is_comment(text)):
            last = end
    return last


def _item_lines(lines: Lines, seq: YSeq) -> list[int] | None:
    """Return each item's first line (its dash line) when the sequence is a plain block sequence."""
    starts: list[int] = []
    dash: int | None = None
    for item, (line, column) in zip(seq, seq.item_marks, strict=True):
        text = lines.body(line)
        column_of_dash = _indent(text)
        if not isinstance(item, YMap) or not text[column_of_dash:].startswith("- ") or column_of_dash >= column - 1:
            return None
        if dash not in (None, column_of_dash) or (starts and line <= starts[-1]):
            return None
        dash = column_of_dash
        starts.append(line)
    return starts


def sort_rows(lines: Lines, root: Any) -> Splice | None:
    """Return a splice that puts the log's rows in date order (stable), or None when it cannot."""
    seq = root.get("checkins") if isinstance(root, YMap) else None
    if not isinstance(seq, YSeq) or len(seq) < 2 or lines.text[lines.offset(seq.mark)] == "[":
        return None
    dates = [row.get("date") for row in seq if isinstance(row, YMap)]
    if len(dates) != len(seq) or not all(isinstance(d, str) and _ISO_DATE.match(d) for d in dates):
        return None
    keys = [str(d) for d in dates]
    starts = _item_lines(lines, seq)
    if starts is None:
        return None
    floor = root.key_marks["checkins"][0]
    tops = [_top(lines, line, floor) for line in starts]
    last = _last_line(lines, starts[-1], _indent(lines.body(starts[-1])))
    ends = [*(top - 1 for top in tops[1:]), last]
    blocks = ["".join(lines.lines[top - 1 : end]) for top, end in zip(tops, ends, strict=True)]
    missing_break = not blocks[-1].endswith("\n")
    if missing_break:
        blocks[-1] += lines.newline
    order = sorted(range(len(blocks)), key=lambda i: keys[i])
    if order == list(range(len(blocks))):
        return None
    new = "".join(blocks[i] for i in order)
    if missing_break:
        new = new[: -len(lines.newline)]
    return Splice(lines.starts[tops[0] - 1], lines.line_end(last), new)
