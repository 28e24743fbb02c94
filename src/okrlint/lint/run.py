"""The lint pipeline: discover → load → build the model → run rules → suppress and select."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path

from okrlint.model.build import RepositoryBuilder
from okrlint.util.text import escape_undecodable
from okrlint.engine.cache import LintCache, Stamp, stamp, unchanged
from okrlint.config import Config
from okrlint.util.errors import UserError
from okrlint.source.files import SourceFile, discover
from okrlint.lint.findings import Finding, Severity
from okrlint.source.loader import LoadedFile
from okrlint.model.repository import Repository
from okrlint.engine.pool import iter_load_files, paused_gc
from okrlint.lint.registry import Rule, RuleContext, all_rules, get_rule, matches
from okrlint.source.yamlload import LoadProblem


@dataclass(frozen=True, slots=True)
class Selection:
    """Which rules run and how severe their findings are."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()

    def rules(self) -> list[Rule]:
        """Return the rules chosen by ``select`` minus ``ignore``."""
        return [
            r
            for r in all_rules()
            if any(matches(s, r) for s in self.select) and not any(matches(s, r) for s in self.ignore)
        ]


@dataclass(frozen=True, slots=True)
class LoadedRepository:
    """The model of a repository and the per-file load results it was built from."""

    repo: Repository
    files: tuple[LoadedFile, ...]
    problems: tuple[Finding, ...]


@dataclass(frozen=True, slots=True)
class LintResult:
    """The findings to show, how many files they cover, and the model they came from."""

    findings: tuple[Finding, ...]
    files: int
    repo: Repository

    def count(self, severity: Severity) -> int:
        """Return the number of findings of ``severity``."""
        return sum(1 for f in self.findings if f.severity == severity)

    def worst(self) -> Severity | None:
        """Return the highest severity among the findings, None when there are none."""
        return max((f.severity for f in self.findings), default=None)


def problem_finding(path: str, problem: LoadProblem) -> Finding:
    """Return the finding for a load problem of file ``path``."""
    return get_rule(problem.code).finding_at(path, problem.line, problem.column, problem.message)


def source_files(config: Config, paths: Sequence[Path] | None = None) -> list[SourceFile]:
    """Return the files of the repository: ``paths`` if given, else the configured paths."""
    roots = list(paths) if paths else [config.root / p for p in config.paths]
    if not paths:
        top = Path(os.path.abspath(config.root))
        outside = [
            text
            for text, root in zip(config.paths, roots, strict=True)
            if not Path(os.path.abspath(root)).is_relative_to(top)
        ]
        if outside:  # a pull request may edit the config: it must not make okrlint read (and quote) other files
            raise UserError(
                f"paths: {outside[0]!r} lies outside the repository ({config.root}); okrlint reads only files inside it"
            )
        missing = [text for text, root in zip(config.paths, roots, strict=True) if not os.path.lexists(root)]
        if missing:
            where = f" (set in {config.source})" if config.source else " (the default; set `paths` in .okrlint.yaml)"
            raise UserError(f"paths: {missing[0]!r} does not exist under {config.root}{where}")
    return discover(roots, config.root)


@paused_gc()
def load_repository(
    config: Config,
    files: Sequence[SourceFile],
    cache: LintCache | None = None,
    stamps: Mapping[str, Stamp | None] | None = None,
) -> LoadedRepository:
    """Load every file and build the repository model (the shared front half of lint and report)."""
    from okrlint.source.csvlog import read_csv_log

    builder = RepositoryBuilder(fiscal_year_start_month=config.fiscal_year_start_month, grace_days=config.grace_days)
    loaded: list[LoadedFile] = []
    findings: list[Finding] = []
    incomplete: set[str] = set()
    for file in iter_load_files(config, files, cache, stamps):
        rel = file.source.rel
        findings.extend(problem_finding(rel, p) for p in file.problems)
        if file.document is not None:
            builder.add(file.document)
        elif file.kind is not None and file.problems:
            incomplete.add(file.kind)
        if file.source.is_csv and file.text is not None:
            log, problems = read_csv_log(rel, file.text)
            findings.extend(problem_finding(rel, p) for p in problems)
            if log is not None:
                builder.add_log(log)
        # Keep what suppressions and callers need, not the located tree or the text.
        loaded.append(replace(file, document=None, text=None) if file.document is not None or file.text else file)
    repo, build_problems = builder.finish(incomplete)
    findings.extend(problem_finding(path, p) for path, p in build_problems)
    return LoadedRepository(repo, tuple(loaded), tuple(findings))


def run_rules(repo: Repository, config: Config, as_of: date, rules: Iterable[Rule]) -> list[Finding]:
    """Run the model rules over the repository."""
    context = RuleContext(repo, config, as_of)
    return [finding for r in rules for finding in r.run(context)]


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
    marks = file.suppressions
    if any(matches(s, rule) for s in marks.whole_file):
        return False
    return not any(matches(s, rule) for s in marks.by_line.get(finding.line, ()))


def _with_severity(finding: Finding, config: Config) -> Finding:
    for key, severity in config.severity.items():
        if matches(key, get_rule(finding.code)) and key.upper() != "ALL":
            return replace(finding, severity=severity)
    return finding


def lint(
    config: Config,
    as_of: date,
    selection: Selection | None = None,
    only: Sequence[Path] | None = None,
    cache: bool = False,
) -> LintResult:
    """Lint the repository; with ``only``, report just those files (linted in full context).

    With ``cache``, results are reused from and stored in ``.okrlint_cache/`` (see cache.py);
    a result read whole from the cache carries an empty ``repo``.
    """
    chosen = selection or Selection(config.select, config.ignore)
    files = source_files(config)
    only_rel: set[str] | None = None
    if only:
        extra = discover(only, config.root)
        only_rel = {escape_undecodable(f.rel) for f in extra}
        known = {f.rel for f in files}
        files = sorted([*files, *(f for f in extra if f.rel not in known)])
    rules = chosen.rules()
    codes = {r.code for r in rules}
    store = LintCache(config) if cache else None
    stamps = {f.rel: stamp(f, config.max_file_bytes) for f in files} if store is not None else {}
    key = None
    if store is not None and all(stamps.values()):
        key = store.result_key(((rel, s.content) for rel, s in stamps.items() if s), as_of.isoformat(), codes)
    cached = store.read_findings(key) if store is not None and key is not None else None
    repo = Repository()
    if cached is None:
        loaded = load_repository(config, files, store, stamps)
        repo = loaded.repo
        model_rules = [r for r in rules if r.check is not None]
        findings = [f for f in loaded.problems if f.code in codes]
        findings.extend(run_rules(loaded.repo, config, as_of, model_rules))
        by_path = {f.source.rel: f for f in loaded.files}
        cached = tuple(sorted(_with_severity(f, config).escaped() for f in findings if _kept(f, config, by_path)))
        if store is not None and key is not None and all(unchanged(f, s) for f in files if (s := stamps[f.rel])):
            store.write_findings(key, cached)
    shown = tuple(f for f in cached if only_rel is None or f.path in only_rel)
    count = len(only_rel) if only_rel is not None else len(files)
    return LintResult(shown, count, repo)
