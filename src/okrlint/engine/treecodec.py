"""Turn a loaded file into plain, marshal-able data and back (for the cache and worker processes).

A check-in log travels built (``with_built_log``, ``okrlint.model.logcodec``): its columns
cost far less to send, store and read back than its tree.

A located tree becomes nested tuples: ``(0, line, column, keys, key_marks, value_marks, values)``
for a mapping and ``(1, line, column, item_marks, items)`` for a sequence; scalars stay as
they are (a scalar is never a tuple, so the two cannot be confused).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from okrlint.model.build import build_checkin_log
from okrlint.model.logcodec import built_log, decode_log, encode_log
from okrlint.source.documents import Document
from okrlint.source.files import SourceFile
from okrlint.source.loader import LoadedFile
from okrlint.source.problems import LoadProblem
from okrlint.source.suppress import NONE, Directive, Suppressions
from okrlint.source.yamlload import YMap, YSeq


def encode_tree(node: Any) -> Any:
    """Return the plain-data form of a located node."""
    if isinstance(node, YMap):
        keys = tuple(node)
        return (
            0,
            *node.mark,
            keys,
            tuple(node.key_marks[k] for k in keys),
            tuple(node.value_marks[k] for k in keys),
            tuple(encode_tree(node[k]) for k in keys),
        )
    if isinstance(node, YSeq):
        return (1, *node.mark, tuple(node.item_marks), tuple(encode_tree(item) for item in node))
    return node


def decode_tree(data: Any) -> Any:
    """Return the located node that ``encode_tree`` turned into ``data``."""
    if type(data) is not tuple:
        return data
    if data[0] == 0:
        keys = data[3]
        mapping = YMap((data[1], data[2]))
        # Scalars are most nodes: they are kept as they are without a call each.
        mapping.update(zip(keys, [v if type(v) is not tuple else decode_tree(v) for v in data[6]], strict=True))
        mapping.key_marks = dict(zip(keys, data[4], strict=True))
        mapping.value_marks = dict(zip(keys, data[5], strict=True))
        return mapping
    seq = YSeq((data[1], data[2]))
    seq.extend([item if type(item) is not tuple else decode_tree(item) for item in data[4]])
    seq.item_marks = list(data[3])
    return seq


def _plain_problems(problems: Iterable[LoadProblem]) -> tuple[tuple[str, int, int, str], ...]:
    return tuple((p.code, p.line, p.column, p.message) for p in problems)


def with_built_log(loaded: LoadedFile, fiscal_year_start_month: int) -> LoadedFile:
    """Return ``loaded`` with a check-in log's document replaced by its built model (``LoadedFile.built``)."""
    if loaded.kind != "checkins" or loaded.document is None:
        return loaded
    log, problems = build_checkin_log(loaded.document, fiscal_year_start_month)
    return replace(loaded, document=None, built=(log, tuple(problems)))


def encode_loaded(loaded: LoadedFile) -> tuple[Any, ...]:
    """Return the plain-data form of a load result (its source path is not part of it)."""
    document = loaded.document
    marks = loaded.suppressions
    built = built_log(loaded)
    return (
        loaded.kind,
        None if document is None else encode_tree(document.root),
        _plain_problems(loaded.problems),
        tuple((d.line, d.column, d.target, d.selectors, d.problem) for d in marks.directives),
        loaded.text,
        _plain_problems(loaded.omitted),
        None if built is None else (encode_log(built[0]), _plain_problems(built[1])),
    )


def decode_loaded(source: SourceFile, data: tuple[Any, ...]) -> LoadedFile:
    """Return the load result of ``source`` from the data ``encode_loaded`` made."""
    kind, tree, problems, directives, text, omitted, built = data
    document = None if tree is None else Document(source.rel, kind, decode_tree(tree))
    suppressions = Suppressions(tuple(Directive(*d) for d in directives)) if directives else NONE
    return LoadedFile(
        source,
        kind,
        document,
        tuple(LoadProblem(*p) for p in problems),
        suppressions,
        text,
        tuple(LoadProblem(*p) for p in omitted),
        None if built is None else (decode_log(source.rel, built[0]), tuple(LoadProblem(*p) for p in built[1])),
    )
