"""Where each key and value of a TOML document is written (tomllib gives values, not positions).

:func:`toml_marks` scans a document that ``tomllib`` has already accepted and returns, per key
path (``("tool", "okrlint", "severity", "S203")``, array items by index), the 1-based line and
column of the key and of its value. It follows table headers, arrays of tables, dotted keys,
inline tables, arrays over several lines, every string form and comments.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

Path = tuple[str | int, ...]
Mark = tuple[int, int]

_BARE_END = " \t\r\n,]}#="


@dataclass
class TomlMarks:
    """Key and value positions by key path (1-based line and column)."""

    keys: dict[Path, Mark] = field(default_factory=dict)
    values: dict[Path, Mark] = field(default_factory=dict)


class _Scanner:
    """A cursor over the TOML text that records marks as it goes."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 0
        self.starts = [0] + [n + 1 for n, char in enumerate(text) if char == "\n"]
        self.marks = TomlMarks()
        self.table_counts: dict[Path, int] = {}

    def mark(self, index: int) -> Mark:
        """Return the 1-based line and column of string index ``index``."""
        line = bisect.bisect_right(self.starts, index) - 1
        return line + 1, index - self.starts[line] + 1

    def peek(self, n: int = 1) -> str:
        return self.text[self.i : self.i + n]

    def skip(self, newlines: bool) -> None:
        """Skip blanks and comments (and line breaks when ``newlines``)."""
        while self.i < len(self.text):
            char = self.text[self.i]
            if char in " \t" or (newlines and char in "\r\n"):
                self.i += 1
            elif char == "#":
                end = self.text.find("\n", self.i)
                self.i = len(self.text) if end < 0 else end
            else:
                return

    def key(self) -> list[tuple[str, int]]:
        """Read a dotted key; return its parts with their start indexes."""
        parts: list[tuple[str, int]] = []
        while True:
            self.skip(False)
            start = self.i
            if self.peek() in ('"', "'"):
                parts.append((self.string(), start))
            else:
                while self.i < len(self.text) and self.text[self.i] not in _BARE_END + ".[":
                    self.i += 1
                parts.append((self.text[start : self.i], start))
            self.skip(False)
            if self.peek() != ".":
                return parts
            self.i += 1

    def string(self) -> str:
        """Read a string of any form at the cursor; return its (roughly unescaped) text."""
        quote = self.text[self.i]
        triple = self.peek(3) == quote * 3
        delimiter = quote * 3 if triple else quote
        self.i += len(delimiter)
        start = self.i
        while self.i < len(self.text):
            if quote == '"' and self.text[self.i] == "\\":
                self.i += 2
                continue
            if self.text.startswith(delimiter, self.i):
                while triple and self.text.startswith(quote, self.i + len(delimiter)):
                    self.i += 1  # up to two quotes may end a multi-line string's content
                body = self.text[start : self.i]
                self.i += len(delimiter)
                return body.replace('\\"', '"').replace("\\\\", "\\") if quote == '"' else body
            self.i += 1
        return self.text[start:]

    def value(self, path: Path) -> None:
        """Read the value at the cursor, recording its mark (and those of what it holds)."""
        self.skip(False)
        self.marks.values.setdefault(path, self.mark(self.i))
        char = self.peek()
        if char in ('"', "'"):
            self.string()
        elif char == "[":
            self.array(path)
        elif char == "{":
            self.inline_table(path)
        else:
            while self.i < len(self.text) and self.text[self.i] not in _BARE_END:
                self.i += 1

    def array(self, path: Path) -> None:
        self.i += 1
        index = 0
        while self.i < len(self.text):
            self.skip(True)
            if self.peek() == "]":
                self.i += 1
                return
            self.marks.keys.setdefault((*path, index), self.mark(self.i))
            self.value((*path, index))
            index += 1
            self.skip(True)
            if self.peek() == ",":
                self.i += 1

    def inline_table(self, path: Path) -> None:
        self.i += 1
        while self.i < len(self.text):
            self.skip(True)
            if self.peek() == "}":
                self.i += 1
                return
            self.pair(path)
            self.skip(True)
            if self.peek() == ",":
                self.i += 1

    def pair(self, table: Path) -> None:
        """Read ``key = value`` below ``table``."""
        parts = self.key()
        full = self.record(table, parts)
        self.skip(False)
        if self.peek() == "=":
            self.i += 1
        self.value(full)

    def record(self, table: Path, parts: list[tuple[str, int]]) -> Path:
        """Record the marks of a dotted key's parts below ``table``; return the full path."""
        path = table
        for n, (name, start) in enumerate(parts):
            path = (*path, name)
            self.marks.keys.setdefault(path, self.mark(start))
            if n + 1 < len(parts):  # an implicit table: its "value" starts at the next part
                self.marks.values.setdefault(path, self.mark(parts[n + 1][1]))
        return path

    def header(self) -> Path:
        """Read ``[table]`` or ``[[array.of.tables]]``; return the path its pairs go below."""
        many = self.peek(2) == "[["
        opening = self.mark(self.i)
        self.i += 2 if many else 1
        path = self.record((), self.key())
        self.marks.values.setdefault(path, opening)
        self.i += 2 if many else 1
        if many:
            index = self.table_counts.get(path, 0)
            self.table_counts[path] = index + 1
            self.marks.keys.setdefault((*path, index), self.marks.keys[path])
            path = (*path, index)
        return path

    def document(self) -> TomlMarks:
        table: Path = ()
        while True:
            self.skip(True)
            if self.i >= len(self.text):
                return self.marks
            if self.peek() == "[":
                table = self.header()
            else:
                self.pair(table)


def toml_marks(text: str) -> TomlMarks:
    """Return the key and value marks of the (valid) TOML document ``text``."""
    return _Scanner(text).document()
