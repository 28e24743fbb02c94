"""The lint stage: run the chosen rules over a loaded repository, then suppress, re-grade and select."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path

from okrlint.config import Config
from okrlint.lint.catalogue import check_config_selectors, get_rule, matches
from okrlint.lint.findings import Finding
from okrlint.lint.registry import Rule, RuleContext
from okrlint.lint.result import LintResult
from okrlint.lint.selection import Selection, files_to_lint, shown
from okrlint.lint.suppression import directive_findings, is_suppressed
from okrlint.model.load import LoadedRepository, Loader, load_repository, serial_loader
from okrlint.model.repository import Repository
from okrlint.model.sources import source_files
from okrlint.source.files import SOURCE_SUFFIXES, SourceFile, relative_name
from okrlint.source.loader import LoadedFile
from okrlint.source.problems import LoadProblem
from okrlint.util.errors import UserError
from okrlint.util.gcpause import paused_gc
from okrlint.util.progress import Progress
from okrlint.util.text import escape_undecodable


def problem_finding(path: str, problem: LoadProblem) -> Finding:
    """Return the finding for a load problem of file ``path``."""
    return get_rule(problem.code).finding_at(path, problem.line, problem.column, problem.message)


def run_rules(
    repo: Repository, config: Config, as_of: date, rules: Sequence[Rule], progress: Progress | None = None
) -> list[Finding]:
    """Run the model rules over the repository (counting each rule on ``progress``)."""
    context = RuleContext(repo, config, as_of)
    if progress is not None:
        progress.phase("Checking rules", len(rules))
    return [finding for r in (progress.track(rules) if progress else rules) for finding in r.run(context)]


# How the rules are run: ``run_rules`` here; the engine passes one that shares them with a worker process.
RuleRunner = Callable[[Repository, Config, date, Sequence[Rule], Progress | None], list[Finding]]


@cache
def _glob(pattern: str) -> re.Pattern[str]:
    """Compile a ``per_file_ignores`` glob (``**`` crosses folders, ``*`` does not)."""
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        elif pattern[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif pattern[i] == "?":
            out, i = out + "[^/]", i + 1
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    return re.compile(out + r"\Z")


def _kept(finding: Finding, config: Config, loaded: dict[str, LoadedFile]) -> bool:
    rule = get_rule(finding.code)
    for pattern, selectors in config.per_file_ignores.items():
        if _glob(pattern).match(finding.path) and any(matches(s, rule) for s in selectors):
            return False
    file = loaded.get(finding.path)
    if file is None or not file.suppressions:
        return True
    return not is_suppressed(finding, rule, file.suppressions)


def _with_severity(finding: Finding, config: Config) -> Finding:
    for key, severity in config.severity.items():
        if matches(key, get_rule(finding.code)) and key.upper() != "ALL":
            return replace(finding, severity=severity)
    return finding


def lint_loaded(
    loaded: LoadedRepository,
    config: Config,
    as_of: date,
    rules: Sequence[Rule],
    progress: Progress | None = None,
    runner: RuleRunner = run_rules,
) -> tuple[Finding, ...]:
    """Return the findings of ``rules`` over a loaded repository: suppressed, re-graded and sorted.

    The order in which ``runner`` returns the findings does not matter: findings that sort alike
    come from one rule, and each rule's own order is kept by the (stable) sort.
    """
    codes = {r.code for r in rules}
    findings = [problem_finding(path, p) for path, p in loaded.problems if p.code in codes]
    if "E011" in codes:
        findings.extend(f for file in loaded.files for f in directive_findings(file.source.rel, file.suppressions))
    with paused_gc():  # the rules make many small acyclic objects too
        findings.extend(runner(loaded.repo, config, as_of, [r for r in rules if r.check is not None], progress))
    by_path = {f.source.rel: f for f in loaded.files}
    # Escaped before sorting: findings are sorted by the path as shown (SPEC §7, undecodable bytes as \xNN).
    return tuple(sorted(_with_severity(f, config).escaped() for f in findings if _kept(f, config, by_path)))


def integrity_rules(selection: Selection) -> list[Rule]:
    """Return the chosen ``E`` rules: loading, schema and references, what names the broken parts of a repository."""
    return [r for r in selection.rules() if r.code.startswith("E")]


def lint(
    config: Config,
    as_of: date,
    selection: Selection | None = None,
    only: Sequence[Path] | None = None,
    load: Loader = serial_loader,
) -> LintResult:
    """Lint the repository; with ``only``, report just those files (linted in full context).

    ``load`` reads the files (the engine passes one with its cache and worker pool).
    """
    check_config_selectors(config)
    chosen = selection or Selection(config.select, config.ignore)
    files, only_rel = files_to_lint(config, only)
    loaded = load_repository(config, files, load)
    return shown(lint_loaded(loaded, config, as_of, chosen.rules()), len(files), only_rel, loaded.repo)


def lint_text(config: Config, as_of: date, selection: Selection, path: Path, content: bytes) -> LintResult:
    """Lint ``content`` as if it were the repository's file ``path`` (editors' stdin); only its findings are shown.

    The file on disk, if any, is not read; nothing is written and no cache is used.
    """
    check_config_selectors(config)
    rel = relative_name(path, config.root)
    if rel.startswith(("/", "../")) or rel == "..":
        raise UserError(f"--stdin-filename {path}: lies outside the repository ({config.root})")
    if not rel.lower().endswith(SOURCE_SUFFIXES):
        raise UserError(f"--stdin-filename {path}: okrlint lints *.yaml, *.yml and *.csv files")
    stand_in = SourceFile(rel, path, content)
    files = sorted([*(f for f in source_files(config) if f.rel != rel), stand_in])
    loaded = load_repository(config, files, serial_loader)
    return shown(lint_loaded(loaded, config, as_of, selection.rules()), 1, {escape_undecodable(rel)}, loaded.repo)
