"""Inline suppressions: ``# okrlint: disable=CODE[,CODE]`` and ``# okrlint: disable-file=CODE``.

Only real comments count (SPEC §2): in YAML a ``#`` that libyaml's token stream leaves
outside every token (never one inside a quoted, plain or block scalar), in CSV a line that
starts with ``#`` where a record starts. Directives are read here as written; which of their
selectors name rules is decided by the linter (E011 for unknown or malformed ones).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import field

import yaml

from okrlint.util.records import record

_MENTION = re.compile(r"#[ \t]*okrlint:")
_BODY = re.compile(r"#[ \t]*okrlint:([^#\r\n]*)")
_SELECTOR = r"[A-Za-z0-9_-]+"
_DIRECTIVE = re.compile(rf"[ \t]*(disable-file|disable)[ \t]*=[ \t]*({_SELECTOR}(?:[ \t]*,[ \t]*{_SELECTOR})*)[ \t]*")
try:
    _TokenLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _TokenLoader = yaml.SafeLoader


@record
class Directive:
    """One ``okrlint:`` comment: where it is, the line it covers (0: the whole file) and its selectors.

    ``selectors`` is empty and ``problem`` says why when the comment is malformed.
    """

    line: int
    column: int
    target: int
    selectors: tuple[str, ...]
    problem: str | None = None


@record
class Suppressions:
    """The ``okrlint:`` directives of one file, in file order."""

    directives: tuple[Directive, ...] = field(default=())

    def __bool__(self) -> bool:
        return bool(self.directives)


NONE = Suppressions()
_USAGE = "write `# okrlint: disable=CODE[,CODE]` or `# okrlint: disable-file=CODE[,CODE]`"


def _directive(line: int, column: int, own_line: bool, comment: str) -> Directive:
    """Parse the comment text after ``okrlint:`` (up to the next ``#``) into a directive."""
    m = _DIRECTIVE.fullmatch(comment)
    if m is None:
        shown = comment.strip()[:60]
        return Directive(line, column, line, (), f"malformed okrlint directive {shown!r}; {_USAGE}")
    selectors = tuple(part.strip() for part in m.group(2).split(","))
    target = 0 if m.group(1) == "disable-file" else line + 1 if own_line else line
    return Directive(line, column, target, selectors)


def _comment_starts(text: str, csv: bool) -> Iterator[int]:
    """Yield the index of each ``#`` that starts a real comment on a line mentioning ``okrlint:``."""
    candidates = [m.start() for m in _MENTION.finditer(text)]
    if not candidates:
        return
    if csv:
        yield from _csv_comments(text, candidates)
        return
    yield from _yaml_comments(text, candidates)


def _yaml_comments(text: str, candidates: list[int]) -> Iterator[int]:
    """Yield the candidates that lie between libyaml's tokens, i.e. in comments."""
    pending = iter(candidates)
    spot = next(pending, None)
    try:
        for token in yaml.scan(text, Loader=_TokenLoader):
            start, end = token.start_mark.index, token.end_mark.index
            while spot is not None and spot < start:
                yield spot
                spot = next(pending, None)
            while spot is not None and spot < end:  # inside a scalar (or other token): not a comment
                spot = next(pending, None)
            if spot is None:
                return
    except yaml.YAMLError:  # past a syntax error only whole-line comments are certain
        while spot is not None:
            if not text[text.rfind("\n", 0, spot) + 1 : spot].strip():
                yield spot
            spot = next(pending, None)
        return
    while spot is not None:
        yield spot
        spot = next(pending, None)


def _csv_comments(text: str, candidates: list[int]) -> Iterator[int]:
    """Yield the candidates on lines that start with ``#`` outside any quoted cell."""
    pending = iter(candidates)
    spot = next(pending, None)
    quoted, position = False, 0
    for row in io.StringIO(text, newline=""):
        end = position + len(row)
        comment = not quoted and row.startswith("#")
        while spot is not None and spot < end:
            if comment:
                yield spot
            spot = next(pending, None)
        if spot is None:
            return
        if not comment and row.count('"') % 2:
            quoted = not quoted
        position = end


def parse_suppressions(text: str, csv: bool = False) -> Suppressions:
    """Collect the ``okrlint:`` directives in the real comments of a file's text.

    A comment at the end of a line covers that line; a comment on a line of its own covers
    the line just below it.
    """
    if "okrlint:" not in text:
        return NONE
    directives = []
    line, counted, line_start, previous = 1, 0, 0, -1
    for start in _comment_starts(text, csv):
        newline = text.rfind("\n", counted, start)
        if newline >= 0:
            line += text.count("\n", counted, start)
            line_start = newline + 1
        counted = start
        own_line = line_start != previous and not text[line_start:start].strip()
        previous = line_start
        body = _BODY.match(text, start)
        after = body.group(1) if body else ""
        directives.append(_directive(line, start - line_start + 1, own_line, after))
    return Suppressions(tuple(directives))
