"""The engine: the cache and the worker pool wrapped around the load and lint stages.

The stages know nothing of either: :func:`engine_loader` is a loader for
:func:`okrlint.model.load.load_repository` that reuses and fills the per-file cache and parses
in worker processes when that pays; :func:`lint_repository` adds the whole-result cache.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from okrlint.config import Config
from okrlint.engine.cache import LintCache, Stamp, unchanged
from okrlint.engine.cachedrun import CachedRun
from okrlint.engine.stampindex import indexed_stamps
from okrlint.lint.catalogue import check_config_selectors
from okrlint.lint.result import LintResult
from okrlint.lint.selection import Selection, files_to_lint, shown
from okrlint.model.sources import source_files
from okrlint.source.files import SourceFile
from okrlint.util.gcpause import paused_gc
from okrlint.util.progress import Progress
from okrlint.util.text import escape_undecodable

if TYPE_CHECKING:
    from okrlint.lint.findings import Finding
    from okrlint.model.load import LoadedRepository, Loader
    from okrlint.model.repository import Repository
    from okrlint.source.loader import LoadedFile

# A lint answered whole from the cache imports only the modules above: the loader, the model and
# the rules (imported in the functions below) load when some file has to be linted again.


def engine_loader(
    store: LintCache | None = None, stamps: Mapping[str, Stamp | None] | None = None, progress: Progress | None = None
) -> Loader:
    """Return a loader that reads from and fills ``store`` (files with known ``stamps``), in a worker pool."""
    from okrlint.engine.pool import iter_load_files

    load = partial(iter_load_files, cache=store, stamps=stamps)
    if progress is None:
        return load

    def counted(config: Config, files: Sequence[SourceFile]) -> Iterator[LoadedFile]:
        progress.phase("Loading files", len(files))
        return progress.track(load(config, files))

    return counted


def _stamps(store: LintCache | None, config: Config, files: Sequence[SourceFile]) -> dict[str, Stamp | None]:
    return indexed_stamps(store, files, config.max_file_bytes) if store is not None else {}


def load_with_engine(config: Config, cache: bool = False, progress: Progress | None = None) -> LoadedRepository:
    """Load the repository's model, reusing the per-file cache that lint fills."""
    from okrlint.model.load import load_repository

    files = source_files(config)
    store = LintCache(config) if cache else None
    return load_repository(config, files, engine_loader(store, _stamps(store, config, files), progress))


@paused_gc()  # besides loading and the rules (paused there too): stamps, summaries and the index entries
def lint_repository(
    config: Config,
    as_of: date,
    selection: Selection | None = None,
    only: Sequence[Path] | None = None,
    cache: bool = False,
    progress: Progress | None = None,
) -> LintResult:
    """Lint like :func:`okrlint.lint.run.lint`, with the cache (``cache``) and the worker pool.

    A result read whole from the cache has no model (``repo`` is None); finding it imports no rule.
    """
    check_config_selectors(config)
    chosen = selection or Selection(config.select, config.ignore)
    files, only_rel = files_to_lint(config, only)
    store = LintCache(config) if cache else None
    stamps = _stamps(store, config, files)
    key = None
    if store is not None and all(stamps.values()):
        codes = chosen.codes()
        key = store.result_key(((rel, s.content) for rel, s in stamps.items() if s), as_of.isoformat(), codes)
    findings = store.read_findings(key) if store is not None and key is not None else None
    if findings is not None:
        return shown(findings, len(files), only_rel, None)
    rules = chosen.rules()
    loader = engine_loader(store, stamps, progress)
    if store is None or key is None:
        from okrlint.engine.rulesplit import run_rules_shared
        from okrlint.lint.run import lint_loaded
        from okrlint.model.load import load_repository

        loaded = load_repository(config, files, loader)
        found = lint_loaded(loaded, config, as_of, rules, progress, run_rules_shared)
        return shown(found, len(files), only_rel, loaded.repo)
    run = CachedRun(config, as_of, rules, files, stamps, store, loader)
    if only_rel:
        from okrlint.engine.incremental import lint_targets

        targets = {f.rel for f in files if escape_undecodable(f.rel) in only_rel}  # only_rel: names as shown
        findings = lint_targets(run, targets)
        if findings is not None:
            return shown(findings, len(files), only_rel, None)
    findings, repo = _lint_and_store(run, key, progress)
    return shown(findings, len(files), only_rel, repo)


def _lint_and_store(
    run: CachedRun, key: str, progress: Progress | None
) -> tuple[tuple[Finding, ...], Repository | None]:
    """Lint the whole repository, again only where an edit can change findings; store the findings and summaries."""
    from okrlint.engine.incremental import write_summaries
    from okrlint.engine.relint import relint, write_world
    from okrlint.engine.rulesplit import run_rules_shared
    from okrlint.lint.run import lint_loaded
    from okrlint.model.load import load_repository

    config, as_of, rules, files, stamps, store = run.config, run.as_of, run.rules, run.files, run.stamps, run.store
    redone = relint(run)  # it stores the summaries it makes
    repo = None
    if redone is not None:
        findings, summaries = redone
    else:
        summaries = {}
        loaded = load_repository(config, files, run.loader, summaries=summaries)
        findings, repo = lint_loaded(loaded, config, as_of, rules, progress, run_rules_shared), loaded.repo
    if all(unchanged(f, s) for f in files if (s := stamps[f.rel])):
        store.write_findings(key, findings)
        if redone is None:  # a full run: what it did not read may go
            write_summaries(store, files, stamps, summaries)
            store.sweep(store.file_key(s.content) for s in stamps.values() if s is not None)
        write_world(store, as_of, (r.code for r in rules), key, stamps, summaries)
    return findings, repo
