"""Whole-repository lint after an edit: recompute only the findings the edited files can change.

Every full lint with the cache stores its "world": each file's content hash and summary, and
the key of its findings. The next full lint with the same as-of date and rules compares hashes,
asks :func:`okrlint.lint.context.affected_files` which files' findings the changed files may
change, lints those in their context, re-runs the rules that compare OKR sets when a set
changed, and keeps every other file's findings from the stored run.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from okrlint.engine.cache import MAX_RESULTS, LintCache, Stamp
from okrlint.engine.cachedrun import CachedRun
from okrlint.engine.incremental import all_summaries
from okrlint.lint.context import SET_KINDS, STRUCTURE_RULES, affected_files, context_files, lint_in_context
from okrlint.lint.findings import Finding
from okrlint.model.load import load_repository
from okrlint.model.summary import FileSummary
from okrlint.util.text import escape_undecodable

_LAYER = "worlds"
World = tuple[str, dict[str, tuple[str, FileSummary]]]  # findings key, path -> (content hash, summary)


def read_world(store: LintCache, as_of: date, codes: Iterable[str]) -> World | None:
    """Return the last full run's findings key and files, None when there is none or the entry is unusable."""
    data: Any = store.read(_LAYER, store.world_key(as_of.isoformat(), codes))
    try:
        key, entries = data
        world = {str(rel): (str(content), FileSummary.decode(summary)) for rel, content, summary in entries}
    except (TypeError, ValueError):
        return None
    return (key, world) if isinstance(key, str) else None


def write_world(
    store: LintCache,
    as_of: date,
    codes: Iterable[str],
    key: str,
    stamps: Mapping[str, Stamp | None],
    summaries: Mapping[str, FileSummary],
) -> None:
    """Store the files of a full run whose findings were stored under ``key``."""
    shared: dict[str, str] = {}  # each key once in the entry, as in the summary index
    entries = tuple(
        (rel, seen.content, summaries[rel].encode(shared))
        for rel, seen in stamps.items()
        if seen is not None and rel in summaries
    )
    store.write(_LAYER, store.world_key(as_of.isoformat(), codes), (key, entries), keep=MAX_RESULTS)


def relint(run: CachedRun) -> tuple[tuple[Finding, ...], dict[str, FileSummary]] | None:
    """Return the findings of a full lint (and every file's summary) from the last full run; None if impossible."""
    files, stamps, store = run.files, run.stamps, run.store
    world = read_world(store, run.as_of, {r.code for r in run.rules})
    previous = store.read_findings(world[0]) if world is not None else None
    summaries = all_summaries(run) if previous is not None else None
    if world is None or previous is None or summaries is None:
        return None
    now = {rel: seen.content for rel, seen in stamps.items() if seen is not None}
    changed = {rel for rel, content in now.items() if rel not in world[1] or world[1][rel][0] != content}
    changed |= set(world[1]) - set(now)
    before = {rel: summary for rel, (_, summary) in world[1].items()}
    affected = affected_files(before, summaries, changed)
    if affected is None or len(affected) > len(files) // 2:
        return None
    sets_edited = any(s.kind in SET_KINDS for rel in changed for s in (before.get(rel), summaries.get(rel)) if s)
    context = context_files(files, summaries, affected, structure=sets_edited, outline=True)
    if context is None:
        return None
    loaded = load_repository(
        run.config, context.files, run.loader, incomplete=context.incomplete, outlines=context.outlines
    )
    redone = {escape_undecodable(rel) for rel in affected}
    sets = {escape_undecodable(rel) for rel, s in summaries.items() if s.kind in SET_KINDS} - redone
    restructured = sets if sets_edited else set()  # the rules comparing OKR sets may find new things in any set
    fresh = lint_in_context(loaded, run.config, run.as_of, run.rules, affected, context.row_rules_only, restructured)
    present = {escape_undecodable(rel) for rel in now}
    kept = [
        f
        for f in previous
        if f.path in present and f.path not in redone and not (f.path in restructured and f.code in STRUCTURE_RULES)
    ]
    return tuple(sorted((*kept, *fresh))), summaries
