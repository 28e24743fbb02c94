"""The pre-commit path: lint a few edited check-in logs or OKR sets in repository context without loading every file.

Each file's summary (``okrlint.model.summary``) is cached in one index by content hash, filled
by every full lint. With the summaries of every file known, the findings of the logs passed on
the command line come from the files they can depend on (``okrlint.lint.context``) — the same
findings a full run gives them — and only edited files are parsed again.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from okrlint.engine.cache import LintCache, Stamp, unchanged
from okrlint.engine.cachedrun import CachedRun
from okrlint.lint.context import Context, context_files, lint_in_context, lint_near
from okrlint.lint.findings import Finding
from okrlint.model.load import LoadedRepository, load_repository
from okrlint.model.summary import FileSummary
from okrlint.source.files import SourceFile

if TYPE_CHECKING:
    from okrlint.config import Config
    from okrlint.model.load import Loader
    from okrlint.source.loader import LoadedFile

_LAYER = "summaries"
# Summaries made since the index was last written whole go to a small second entry, so that a
# pre-commit run on a just-edited file does not rewrite the index of every file; past this many
# the index is written whole again.
RECENT_MAX = 256


def _index_key(store: LintCache) -> str:
    return store.file_key("summary-index")


def _recent_key(store: LintCache) -> str:
    return store.file_key("summary-recent")


def _read_entry(store: LintCache, key: str) -> dict[str, FileSummary]:
    """Return one entry's summaries by content hash (empty when missing or unusable)."""
    data: Any = store.read(_LAYER, key)
    if not isinstance(data, dict):
        return {}
    try:
        return {str(content): FileSummary.decode(value) for content, value in data.items()}
    except (TypeError, ValueError):
        return {}


def _entries(
    files: Sequence[SourceFile], stamps: Mapping[str, Stamp | None], summaries: Mapping[str, FileSummary]
) -> dict[str, Any]:
    """Return the encoded summaries of ``files`` by content hash, leaving out files that changed while read.

    So the index never pairs a hash with what other content said.
    """
    shared: dict[str, str] = {}
    return {
        seen.content: summaries[source.rel].encode(shared)
        for source in files
        if (seen := stamps.get(source.rel)) is not None and source.rel in summaries and unchanged(source, seen)
    }


def write_summaries(
    store: LintCache,
    files: Sequence[SourceFile],
    stamps: Mapping[str, Stamp | None],
    summaries: Mapping[str, FileSummary],
) -> None:
    """Store the summaries of ``files`` (by path in ``summaries``) under their content hashes, as the whole index."""
    store.write(_LAYER, _index_key(store), _entries(files, stamps, summaries))
    store.write(_LAYER, _recent_key(store), {})


def _add_summaries(
    run: CachedRun,
    recent: Mapping[str, FileSummary],
    fresh: Mapping[str, FileSummary],
    summaries: Mapping[str, FileSummary],
) -> None:
    """Store ``fresh`` summaries beside the ``recent`` ones while those stay few, else write the whole index.

    ``summaries`` holds every file's summary (by path).
    """
    store = run.store
    added = _entries([f for f in run.files if f.rel in fresh], run.stamps, fresh)
    if len(recent) + len(added) > RECENT_MAX:
        write_summaries(store, run.files, run.stamps, summaries)
    else:
        store.write(_LAYER, _recent_key(store), {**{c: s.encode() for c, s in recent.items()}, **added})


def _remembering(load: Loader, kept: dict[str, LoadedFile], wanted: Collection[str]) -> Loader:
    """Return ``load`` keeping the ``wanted`` files it loads in ``kept`` (by path), to be linted without a second load.

    Only those: with the summaries of a whole repository missing, every file is loaded, and keeping all their
    trees would hold the repository in memory.
    """

    def remember(config: Config, files: Sequence[SourceFile]) -> Iterator[LoadedFile]:
        for file in load(config, files):
            if file.source.rel in wanted:
                kept[file.source.rel] = file
            yield file

    return remember


def _reusing(load: Loader, kept: Mapping[str, LoadedFile]) -> Loader:
    """Return ``load`` answering the files in ``kept`` from there."""

    def reuse(config: Config, files: Sequence[SourceFile]) -> Iterator[LoadedFile]:
        rest = iter(load(config, [f for f in files if f.rel not in kept]))
        for source in files:
            yield kept[source.rel] if source.rel in kept else next(rest)

    return reuse


def all_summaries(
    run: CachedRun, kept: dict[str, LoadedFile] | None = None, wanted: Collection[str] = ()
) -> dict[str, FileSummary] | None:
    """Return the summary of every file by path, loading the files whose summary is not cached; None if impossible.

    Newly made summaries are stored (``_add_summaries``); of the files loaded to make them, those of ``wanted``
    go to ``kept`` when given.
    """
    files, stamps, store = run.files, run.stamps, run.store
    recent = _read_entry(store, _recent_key(store))
    known = {**_read_entry(store, _index_key(store)), **recent}
    summaries: dict[str, FileSummary] = {}
    missing = []
    for source in files:
        seen = stamps.get(source.rel)
        if seen is None:
            return None  # a file too big or unreadable: no summary can stand for it
        found = known.get(seen.content)
        if found is None:
            missing.append(source)
        else:
            summaries[source.rel] = found
    if missing:
        fresh: dict[str, FileSummary] = {}
        loader = run.loader if kept is None else _remembering(run.loader, kept, wanted)
        load_repository(run.config, missing, loader, summaries=fresh)
        summaries.update(fresh)
        _add_summaries(run, recent, fresh, summaries)
    return summaries


def lint_targets(run: CachedRun, targets: Collection[str]) -> tuple[Finding, ...] | None:
    """Return the findings of ``targets`` (check-in logs, OKR sets) in the context of ``files``; None if that cannot be.

    Files whose summary is not cached are loaded to make it (and it is stored). OKR sets that a target set
    is only compared with are rebuilt from the outlines in their summaries, not loaded, and first only those
    of its alignment neighbourhood (``lint_near``); the whole context when that is not enough.
    """
    kept: dict[str, LoadedFile] = {}
    summaries = all_summaries(run, kept, targets)
    if summaries is None:
        return None
    loader = _reusing(run.loader, kept) if kept else run.loader
    context = context_files(run.files, summaries, targets, outline=True, near=True)
    if context is not None and not context.row_rules_only:  # an OKR set among the targets
        found = lint_near(_load_context(run, context, loader), run.config, run.as_of, run.rules, targets)
        if found is not None:
            return found
        context = context_files(run.files, summaries, targets, outline=True)
    if context is None:
        return None
    loaded = _load_context(run, context, loader)
    return lint_in_context(loaded, run.config, run.as_of, run.rules, targets, context.row_rules_only)


def _load_context(run: CachedRun, context: Context, loader: Loader) -> LoadedRepository:
    """Return the repository of ``context``'s files, the outlined sets without key results (no finding wanted)."""
    return load_repository(
        run.config, context.files, loader, incomplete=context.incomplete, outlines=context.outlines, outline_kpis=False
    )
