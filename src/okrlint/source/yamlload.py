"""Safe YAML 1.2 loading into a located tree, from libyaml's event stream.

The tree is made of plain ``dict``/``list`` subclasses that remember where each node and
each mapping key starts (1-based line and column), so schema errors and rules can point
at the exact place. No tag ever constructs an object: only the YAML 1.2 core schema is
understood, and plain scalars are resolved by the 1.2 rules (``yes`` is a string, ``010``
is ten, ``1:30`` is a string).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, cast

import yaml

from okrlint.source.problems import LoadProblem, Mark
from okrlint.util.lazyre import lazy_compile
from okrlint.util.records import record

try:  # libyaml's C parser is the fast path; the pure-Python parser is the same grammar.
    from yaml._yaml import CParser as _Parser

    _BYTE_OFFSETS = True  # libyaml reports reader errors at UTF-8 byte offsets
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.parser import Parser as _PyParser
    from yaml.reader import Reader as _Reader
    from yaml.scanner import Scanner as _Scanner

    class _Parser(_Reader, _Scanner, _PyParser):  # type: ignore[no-redef,misc,unused-ignore]
        def __init__(self, stream: str) -> None:
            _Reader.__init__(self, stream)
            _Scanner.__init__(self)
            _PyParser.__init__(self)

    _BYTE_OFFSETS = False


_ScalarEvent = yaml.ScalarEvent
_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {None, "!"} | {_CORE + t for t in ("str", "int", "float", "bool", "null", "map", "seq")}
_COLLECTION_TAGS = {"SequenceStartEvent": _CORE + "seq", "MappingStartEvent": _CORE + "map"}

_INT_RE = lazy_compile(r"[-+]?[0-9]+\Z")
_FLOAT_RE = lazy_compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUES = frozenset({"true", "True", "TRUE"})
_FALSES = frozenset({"false", "False", "FALSE"})
_INFS = frozenset({".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"})
_NANS = frozenset({".nan", ".NaN", ".NAN"})
_TOO_MANY_NODES_HINT = "split the file, keep a large check-in log as CSV, or raise max_nodes in the config"


class YMap(dict[str, Any]):
    """A mapping that remembers its own mark and the marks of its keys and values."""

    __slots__ = ("key_marks", "mark", "value_marks")

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.key_marks: dict[str, Mark] = {}
        self.value_marks: dict[str, Mark] = {}


class YSeq(list[Any]):
    """A sequence that remembers its own mark and the marks of its items."""

    __slots__ = ("item_marks", "mark")

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.item_marks: list[Mark] = []


@record
class Limits:
    """Bounds that keep hostile input from exhausting time or memory."""

    max_nodes: int = 100_000
    max_depth: int = 64
    max_chars: int = 5_000_000  # scalar text, aliases counted at their expanded size (max_file_bytes)


class _Fatal(Exception):
    """Stops loading a document; carries the problem that stopped it."""

    def __init__(self, problem: LoadProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


@dataclass(slots=True)
class LoadResult:
    """The located tree of a document (``None`` when it could not be loaded) and problems."""

    root: Any
    problems: list[LoadProblem]


def resolve_plain(text: str) -> Any:
    """Resolve an untagged plain scalar by the YAML 1.2 core schema."""
    if not text:
        return None
    first = text[0]
    if first.isalpha() and first not in "tTfFnN":
        return text
    if text in _NULLS:
        return None
    if text in _TRUES:
        return True
    if text in _FALSES:
        return False
    if _INT_RE.match(text):
        return int(text)  # may raise ValueError for enormous integers; caller reports it
    if text.startswith("0o") and len(text) > 2 and all(c in "01234567" for c in text[2:]):
        return int(text[2:], 8)
    if text.startswith("0x") and len(text) > 2 and all(c in "0123456789abcdefABCDEF" for c in text[2:]):
        return int(text[2:], 16)
    if _FLOAT_RE.match(text):
        return float(text)
    if text in _INFS:
        return math.inf
    if text in ("-.inf", "-.Inf", "-.INF"):
        return -math.inf
    if text in _NANS:
        return math.nan
    return text


def _tagged_scalar(tag: str, text: str, mark: Mark) -> Any:
    """Construct a scalar with an explicit core-schema tag, or fail with E002."""
    kind = tag[len(_CORE) :] if tag.startswith(_CORE) else "str"
    if kind == "str":
        return text
    value: Any = resolve_plain(text)
    types: dict[str, type | tuple[type, ...]] = {"int": int, "float": (int, float), "bool": bool, "null": type(None)}
    expected = types.get(kind)
    if expected is None or isinstance(value, bool) != (kind == "bool") or not isinstance(value, expected):
        raise _Fatal(LoadProblem("E002", *mark, f"{text!r} is not a valid !!{kind}"))
    return float(cast(float, value)) if kind == "float" else value


def _mark(event: Any) -> Mark:
    m = event.start_mark
    return (m.line + 1, m.column + 1)


class _Builder:
    """Turns libyaml events into a located tree, enforcing limits as it goes."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self._max_depth = limits.max_depth
        self._max_nodes = limits.max_nodes
        self.problems: list[LoadProblem] = []
        self.nodes = 0
        self.chars = 0
        self.anchors: dict[str, tuple[Any, int, int]] = {}
        self.open_anchors: set[str] = set()

    def build(self, parser: Any) -> Any:
        """Consume one stream; return the root of its single document (or ``None``)."""
        parser.get_event()  # StreamStart
        event = parser.get_event()
        if isinstance(event, yaml.StreamEndEvent):
            return None
        root = self._document(parser)
        event = parser.get_event()
        if isinstance(event, yaml.DocumentStartEvent):
            raise _Fatal(
                LoadProblem("E007", *_mark(event), "the file holds more than one YAML document; keep one per file")
            )
        return root

    def _document(self, parser: Any) -> Any:
        root = self._node(parser, parser.get_event(), 0)
        parser.get_event()  # DocumentEnd
        return root

    def _count(self, n: int, mark: Mark) -> None:
        self.nodes += n
        if self.nodes > self.limits.max_nodes:
            raise _Fatal(LoadProblem("E006", *mark, self._too_many_nodes()))

    def _too_many_nodes(self) -> str:
        """Say why the node count passed ``max_nodes``: aliases expanding, or a document that is simply large."""
        if self.anchors or self.open_anchors:
            return f"the document expands to more than {self.limits.max_nodes} nodes (aliases count in full)"
        return f"the document has more than {self.limits.max_nodes} nodes (max_nodes): {_TOO_MANY_NODES_HINT}"

    def _check_tag(self, event: Any, mark: Mark) -> None:
        tag = event.tag
        if tag not in _ALLOWED_TAGS:
            raise _Fatal(
                LoadProblem("E006", *mark, f"tag {short_tag(tag)} is not allowed: only the YAML core schema is read")
            )
        wanted = _COLLECTION_TAGS.get(type(event).__name__)
        if wanted is not None and tag not in (None, "!", wanted):
            what = "a sequence" if wanted.endswith("seq") else "a mapping"
            raise _Fatal(LoadProblem("E002", *mark, f"tag {short_tag(tag)} cannot be given to {what}"))

    def _node(self, parser: Any, event: Any, depth: int, mark: Mark | None = None) -> Any:
        if mark is None:
            mark = _mark(event)
        if type(event) is _ScalarEvent and event.tag is None and event.anchor is None and depth <= self._max_depth:
            # Fast path for the common case, a plain untagged scalar: same result, fewer calls.
            self.nodes += 1
            if self.nodes > self._max_nodes:
                self._count(0, mark)
            text = event.value
            self.chars += len(text)
            if event.implicit[0] and text and text[0].isalpha() and text[0] not in "tTfFnN":
                return text
            return self._scalar(event, mark)
        if isinstance(event, yaml.AliasEvent):
            return self._alias(event, mark)
        self._check_tag(event, mark)
        if depth > self.limits.max_depth:
            raise _Fatal(LoadProblem("E006", *mark, _too_deep(self.limits)))
        anchor = event.anchor
        before, chars_before = self.nodes, self.chars
        if anchor is not None:
            self.open_anchors.add(anchor)
        self._count(1, mark)
        if isinstance(event, yaml.ScalarEvent):
            self.chars += len(event.value)
            value = self._scalar(event, mark)
        elif isinstance(event, yaml.SequenceStartEvent):
            value = self._sequence(parser, mark, depth)
        else:
            value = self._mapping(parser, mark, depth)
        if anchor is not None:
            self.open_anchors.discard(anchor)
            self.anchors[anchor] = (value, self.nodes - before, self.chars - chars_before)
        return value

    def _alias(self, event: Any, mark: Mark) -> Any:
        name = event.anchor
        if name in self.open_anchors:
            raise _Fatal(LoadProblem("E006", *mark, f"alias *{name} refers to itself (recursive alias)"))
        if name not in self.anchors:
            raise _Fatal(LoadProblem("E001", *mark, f"alias *{name} names no anchor defined before it"))
        value, size, chars = self.anchors[name]
        self._count(size, mark)
        self.chars += chars
        if self.chars > self.limits.max_chars:  # every rule reads the expanded text: time must stay bounded too
            too_long = f"aliases expand the document past max_file_bytes ({self.limits.max_chars} characters)"
            raise _Fatal(LoadProblem("E006", *mark, too_long))
        return value

    def _scalar(self, event: Any, mark: Mark) -> Any:
        tag = event.tag
        text = event.value
        if tag is None or tag == "!":
            if tag == "!" or not event.implicit[0]:
                return text
            try:
                value = resolve_plain(text)
                if isinstance(value, int) and not isinstance(value, bool):
                    float(value)  # an integer beyond float range breaks every comparison downstream
            except (ValueError, OverflowError):
                self.problems.append(LoadProblem("E002", *mark, f"number with {len(text)} digits is too large"))
                return math.inf
            return value
        try:
            value = _tagged_scalar(tag, text, mark)
            if isinstance(value, int) and not isinstance(value, bool):
                float(value)
            return value
        except (ValueError, OverflowError):
            raise _Fatal(LoadProblem("E002", *mark, f"{text[:40]!r} is not a valid number")) from None

    def _sequence(self, parser: Any, mark: Mark, depth: int) -> YSeq:
        seq = YSeq(mark)
        while True:
            event = parser.get_event()
            if isinstance(event, yaml.SequenceEndEvent):
                return seq
            item_mark = _mark(event)
            seq.item_marks.append(item_mark)
            seq.append(self._node(parser, event, depth + 1, item_mark))

    def _mapping(self, parser: Any, mark: Mark, depth: int) -> YMap:
        mapping = YMap(mark)
        while True:
            event = parser.get_event()
            if isinstance(event, yaml.MappingEndEvent):
                return mapping
            key_mark = _mark(event)
            key = self._node(parser, event, depth + 1, key_mark)
            value_event = parser.get_event()
            value_mark = _mark(value_event)
            value = self._node(parser, value_event, depth + 1, value_mark)
            if not isinstance(key, str):
                shown = _describe_key(key)
                self.problems.append(
                    LoadProblem("E002", *key_mark, f"key {shown} is not a string; quote it or use a name")
                )
                continue
            if key in mapping:
                first = mapping.key_marks[key]
                self.problems.append(
                    LoadProblem("E003", *key_mark, f"duplicate key {key!r} (first defined at line {first[0]})")
                )
                continue
            mapping[key] = value
            mapping.key_marks[key] = key_mark
            mapping.value_marks[key] = value_mark


def short_tag(tag: str) -> str:
    """Return ``tag`` as written in YAML: ``!!python/object`` rather than ``tag:yaml.org,2002:python/object``."""
    return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag


def _describe_key(key: Any) -> str:
    """Return a non-string key as the user wrote it (``true``, ``null``, ``1``) or its kind."""
    if isinstance(key, dict):
        return "a mapping"
    if isinstance(key, list):
        return "a sequence"
    if key is None:
        return "null"
    if isinstance(key, bool):
        return "true" if key else "false"
    return repr(key)


def _tab_hint(text: str, line: int) -> str:
    """Return a hint when the 1-based ``line`` of ``text`` is indented with a tab."""
    lines = text.split("\n", line)
    row = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = row[: len(row) - len(row.lstrip(" \t"))]
    return " (YAML does not allow tabs for indentation; use spaces)" if "\t" in indent else ""


def load_yaml(text: str, limits: Limits = Limits()) -> LoadResult:
    """Parse ``text`` as one YAML 1.2 document into a located tree, collecting problems."""
    builder = _Builder(limits)
    parser: Any = None
    try:
        parser = _Parser(text)
        root = builder.build(parser)
    except _Fatal as fatal:
        return LoadResult(None, [fatal.problem])
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = _within(text, mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        message = " ".join(part for part in (error.context, error.problem) if part) or "invalid YAML"
        if _PARSER_DEPTH_LIMIT in message:  # PyYAML >= 6.0.2 caps nesting itself: still E006, whichever layer noticed
            return LoadResult(None, [LoadProblem("E006", line, column, _too_deep(limits, parser_limit=True))])
        message += _tab_hint(text, line)
        return LoadResult(None, [LoadProblem("E001", line, column, f"invalid YAML: {message}")])
    except yaml.reader.ReaderError as error:
        index = error.position
        if _BYTE_OFFSETS:
            index = len(text.encode("utf-8", "surrogatepass")[:index].decode("utf-8", "ignore"))
        line, column = _position(text, index)
        return LoadResult(
            None, [LoadProblem("E007", line, column, f"unreadable: {error.reason} (#x{error.character:04x})")]
        )
    except yaml.YAMLError as error:
        return LoadResult(None, [LoadProblem("E001", 1, 1, f"invalid YAML: {error}")])
    except UnicodeEncodeError as error:  # a lone surrogate: the text did not come from UTF-8
        line, column = _position(text, error.start)
        return LoadResult(None, [LoadProblem("E007", line, column, "unreadable: the text holds a lone surrogate")])
    except RecursionError:
        return LoadResult(None, [LoadProblem("E006", 1, 1, _too_deep(limits))])
    finally:
        dispose = getattr(parser, "dispose", None) if parser is not None else None
        if dispose is not None:
            dispose()
    return LoadResult(root, builder.problems)


_PARSER_DEPTH_LIMIT = "maximum nesting depth"


def _too_deep(limits: Limits, parser_limit: bool = False) -> str:
    """Say that nesting is too deep, naming the limit that was hit."""
    if parser_limit:
        return f"nesting is deeper than the YAML parser allows (max_depth is {limits.max_depth})"
    return f"nesting is deeper than max_depth ({limits.max_depth})"


def _within(text: str, line: int, column: int) -> Mark:
    """Return ``(line, column)``, or the end of the text when libyaml points past its last line."""
    last = text.count("\n") + 1
    if line <= last:
        return line, column
    return last, len(text) - (text.rfind("\n") + 1) + 1


def _position(text: str, index: int) -> Mark:
    """Return the 1-based line and column of character ``index`` in ``text``."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1
