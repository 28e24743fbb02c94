"""Find things in a file's text from okrlint's located tree: offsets, scalar spans, KR mappings."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from itertools import pairwise
from typing import Any

from okrlint.source.problems import Mark
from okrlint.source.yamlload import YMap, YSeq
from okrlint.util.records import record


@record
class Splice:
    """Replace ``text[start:end]`` with ``new`` (offsets into the decoded text, BOM removed)."""

    start: int
    end: int
    new: str


class Lines:
    """The text split into lines (line ends kept) with the offset of each line's start."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.splitlines(keepends=True) or [""]
        self.starts: list[int] = []
        offset = 0
        for line in self.lines:
            self.starts.append(offset)
            offset += len(line)
        self.newline = "\r\n" if "\r\n" in text else "\n"

    def offset(self, mark: Mark) -> int:
        """Return the offset of a 1-based (line, column) mark."""
        return self.starts[mark[0] - 1] + mark[1] - 1

    def line_end(self, line: int) -> int:
        """Return the offset just past line ``line`` (1-based), its line break included."""
        return self.starts[line - 1] + len(self.lines[line - 1])

    def body(self, line: int) -> str:
        """Return line ``line`` (1-based) without its line break."""
        return self.lines[line - 1].rstrip("\r\n")


def scalar_span(text: str, start: int, value: str) -> tuple[int, int] | None:
    """Return the span of the one-line scalar ``value`` written at ``start``, or None when it is not that simple."""
    quote = text[start : start + 1]
    if quote in ("'", '"'):
        end = text.find(quote, start + 1)
        inner = text[start + 1 : end] if end > 0 else None
        return (start, end + 1) if inner == value else None
    return (start, start + len(value)) if text[start : start + len(value)] == value else None


def walk_maps(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], YMap]]:
    """Yield every mapping of the tree with its path of keys and indexes."""
    if isinstance(node, YMap):
        yield path, node
        for key, value in node.items():
            yield from walk_maps(value, (*path, key))
    elif isinstance(node, YSeq):
        for index, item in enumerate(node):
            yield from walk_maps(item, (*path, index))


class Tree:
    """A file's text and located tree, with the look-ups that fixes need built once (linear in the file)."""

    def __init__(self, text: str, root: Any) -> None:
        self.lines = Lines(text)
        self.root = root
        self.memo: dict[str, Any] = {}

    @cached_property
    def _keys(self) -> dict[Mark, tuple[tuple[Any, ...], YMap, str]]:
        found: dict[Mark, tuple[tuple[Any, ...], YMap, str]] = {}
        for path, node in walk_maps(self.root):
            for key, key_mark in node.key_marks.items():
                found.setdefault(key_mark, (path, node, key))
        return found

    @cached_property
    def _key_results(self) -> dict[Mark, tuple[tuple[Any, ...], YMap]]:
        found: dict[Mark, tuple[tuple[Any, ...], YMap]] = {}
        objectives = self.root.get("objectives") if isinstance(self.root, YMap) else None
        for o_index, objective in enumerate(objectives if isinstance(objectives, YSeq) else ()):
            krs = objective.get("key_results") if isinstance(objective, YMap) else None
            for k_index, kr in enumerate(krs if isinstance(krs, YSeq) else ()):
                if isinstance(kr, YMap):
                    entry = (("objectives", o_index, "key_results", k_index), kr)
                    for mark in (kr.mark, *kr.key_marks.values(), *kr.value_marks.values()):
                        found.setdefault(mark, entry)
        return found

    def map_with_key_at(self, mark: Mark) -> tuple[tuple[Any, ...], YMap, str] | None:
        """Return the mapping, its path and the key whose key mark is ``mark``."""
        return self._keys.get(mark)

    def key_result_at(self, mark: Mark) -> tuple[tuple[Any, ...], YMap] | None:
        """Return the KR mapping of an OKR set that starts at ``mark`` or has a key or value there."""
        return self._key_results.get(mark)


def get_path(data: Any, path: tuple[Any, ...]) -> Any:
    """Return the node of plain ``data`` at ``path``."""
    for step in path:
        data = data[step]
    return data


def _ends_on_its_line(lines: Lines, node: YMap, key: str, following: int | None) -> bool:
    """Return True when ``key``'s entry is one line, so new keys can go on the line after it."""
    line, column = node.key_marks[key]
    if column != node.mark[1] or isinstance(node[key], YMap | YSeq) or node.value_marks[key][0] != line:
        return False
    if not lines.lines[line - 1].endswith("\n"):
        return False
    if following is not None:
        return following == line + 1
    after = lines.body(line + 1) if line < len(lines.lines) else ""
    return not after.strip() or len(after) - len(after.lstrip(" ")) < column


def insert_keys(lines: Lines, node: YMap, entries: list[tuple[str, str]]) -> Splice | None:
    """Return a splice that adds ``key: value`` entries (already YAML text) to ``node``, or None."""
    start = lines.offset(node.mark)
    if lines.text[start : start + 1] == "{":
        first = lines.offset(next(iter(node.key_marks.values()))) if node.key_marks else start + 1
        added = "".join(f"{key}: {value}, " for key, value in entries)
        return Splice(first, first, added if node.key_marks else added[:-2])
    keys = list(node.key_marks)
    following = {key: node.key_marks[after][0] for key, after in pairwise(keys)}
    eligible = [key for key in keys if _ends_on_its_line(lines, node, key, following.get(key))]
    if not eligible:
        return None
    chosen = "title" if "title" in eligible else eligible[-1]
    line, column = node.key_marks[chosen]
    indent = lines.body(line)[: column - 1]
    if indent.strip(" -"):
        return None
    added = "".join(f"{' ' * (column - 1)}{key}: {value}{lines.newline}" for key, value in entries)
    where = lines.line_end(line)
    return Splice(where, where, added)
