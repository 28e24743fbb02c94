"""Run the rules of a large repository in two processes: the title rules in a forked worker, the rest here.

The title rules (the S2xx family and Q301) read titles through the wording grammar and share its
caches, so they run together; the integrity, count, check-in and other quality rules run in this
process meanwhile. The worker sends its findings back as plain tuples. The lint stage sorts all
findings, so the result is the one a single process gives (``lint.run.lint_loaded``); if the worker
fails, its rules run here, and a bug in one of them surfaces as it would without the worker.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from datetime import date
from typing import Any

from okrlint.config import Config
from okrlint.lint.findings import Finding, Fix, Severity
from okrlint.lint.registry import Rule, RuleContext
from okrlint.lint.run import run_rules
from okrlint.model.repository import Repository
from okrlint.util.forkpool import can_fork, cpus, fork_pool
from okrlint.util.progress import Progress

# Below this many key results, starting a worker costs more than the title rules take (~60 µs a KR).
PARALLEL_MIN_KEY_RESULTS = 500

_SHARED: tuple[Repository, Config, date, Sequence[Rule]] | None = None  # what the forked worker reads


def is_title_rule(code: str) -> bool:
    """Return True for the rules that judge titles with the wording grammar (run together, in the worker)."""
    return code.startswith("S2") or code == "Q301"


def run_rules_shared(
    repo: Repository, config: Config, as_of: date, rules: Sequence[Rule], progress: Progress | None = None
) -> list[Finding]:
    """Run ``rules`` like ``lint.run.run_rules``, the title rules in a worker process when the repository is large."""
    theirs = [r for r in rules if is_title_rule(r.code)]
    mine = [r for r in rules if not is_title_rule(r.code)]
    krs = sum(len(objective.key_results) for okr_set in repo.okr_sets for objective in okr_set.objectives)
    if not theirs or not mine or krs < PARALLEL_MIN_KEY_RESULTS or cpus() < 2 or not can_fork():
        return run_rules(repo, config, as_of, rules, progress)
    global _SHARED
    _SHARED = (repo, config, as_of, theirs)
    gc.freeze()  # the worker's collector never scans (and so never copies) the model it was forked with
    try:
        with fork_pool(1) as pool:
            future = pool.submit(_run_shared)
            gc.unfreeze()
            if progress is not None:
                progress.phase("Checking rules", len(rules))
            context = RuleContext(repo, config, as_of)
            found = [finding for r in (progress.track(mine) if progress else mine) for finding in r.run(context)]
            try:
                found += [_finding(plain) for plain in future.result()]
            except Exception:  # whatever stopped the worker: its rules run here instead
                found += run_rules(repo, config, as_of, theirs)
            if progress is not None:
                progress.advance(len(theirs))
            return found
    finally:
        _SHARED = None
        gc.unfreeze()


def _run_shared() -> list[tuple[Any, ...]]:
    """Worker: run the title rules over the model it was forked with; return their findings as tuples."""
    assert _SHARED is not None
    repo, config, as_of, rules = _SHARED
    return [_plain(f) for f in run_rules(repo, config, as_of, rules)]


def _plain(f: Finding) -> tuple[Any, ...]:
    fix = None if f.fix is None else (f.fix.applicability, f.fix.message)
    return (f.path, f.line, f.column, f.code, f.rule, int(f.severity), f.message, fix)


def _finding(plain: tuple[Any, ...]) -> Finding:
    path, line, column, code, rule, severity, message, fix = plain
    return Finding(path, line, column, code, rule, Severity(severity), message, None if fix is None else Fix(*fix))
