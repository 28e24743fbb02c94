"""The pre-commit path: lint a few edited check-in logs or OKR sets in repository context without loading every file.

Each file's summary (``okrlint.model.summary``) is cached in one index by content hash, filled
by every full lint. With the summaries of every file known, the findings of the logs passed on
the command line come from the files they can depend on (``okrlint.lint.context``) — the same
findings a full run gives them — and only edited files are parsed again.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from okrlint.engine.cache import LintCache, Stamp, unchanged
from okrlint.engine.cachedrun import CachedRun
from okrlint.lint.context import context_files, lint_in_context
from okrlint.lint.findings import Finding
from okrlint.model.load import load_repository
from okrlint.model.summary import FileSummary
from okrlint.source.files import SourceFile

_LAYER = "summaries"


def _index_key(store: LintCache) -> str:
    return store.file_key("summary-index")


def read_summaries(store: LintCache) -> dict[str, FileSummary]:
    """Return the cached summaries by content hash (empty when there are none or the entry is unusable)."""
    data: Any = store.read(_LAYER, _index_key(store))
    if not isinstance(data, dict):
        return {}
    try:
        return {str(content): FileSummary.decode(value) for content, value in data.items()}
    except (TypeError, ValueError):
        return {}


def write_summaries(
    store: LintCache,
    files: Sequence[SourceFile],
    stamps: Mapping[str, Stamp | None],
    summaries: Mapping[str, FileSummary],
) -> None:
    """Store the summaries of ``files`` (by path in ``summaries``) under their content hashes.

    A file that changed while it was read is left out, so the index never pairs a hash with
    what other content said.
    """
    index = {
        seen.content: summaries[source.rel].encode()
        for source in files
        if (seen := stamps.get(source.rel)) is not None and source.rel in summaries and unchanged(source, seen)
    }
    store.write(_LAYER, _index_key(store), index)


def all_summaries(run: CachedRun) -> dict[str, FileSummary] | None:
    """Return the summary of every file by path, loading the files whose summary is not cached; None if impossible.

    Newly made summaries are added to the index.
    """
    files, stamps, store = run.files, run.stamps, run.store
    known = read_summaries(store)
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
        load_repository(run.config, missing, run.loader, summaries=fresh)
        summaries.update(fresh)
        write_summaries(store, files, stamps, summaries)
    return summaries


def lint_targets(run: CachedRun, targets: Collection[str]) -> tuple[Finding, ...] | None:
    """Return the findings of ``targets`` (check-in logs, OKR sets) in the context of ``files``; None if that cannot be.

    Files whose summary is not cached are loaded to make it (and the index is rewritten).
    """
    summaries = all_summaries(run)
    context = context_files(run.files, summaries, targets, outline=True) if summaries is not None else None
    if context is None:
        return None
    loaded = load_repository(
        run.config, context.files, run.loader, incomplete=context.incomplete, outlines=context.outlines
    )
    return lint_in_context(loaded, run.config, run.as_of, run.rules, targets, context.row_rules_only)
