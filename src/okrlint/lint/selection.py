"""What a lint run covers: the chosen rules, the files and the findings shown (imports no rule and no model)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from okrlint.config import Config
from okrlint.lint.catalogue import all_rules, matches
from okrlint.lint.findings import Finding
from okrlint.lint.result import LintResult
from okrlint.lint.ruletable import RULE_TABLE, RuleInfo
from okrlint.model.sources import source_files
from okrlint.source.files import SourceFile, discover
from okrlint.util.records import record
from okrlint.util.text import escape_undecodable

if TYPE_CHECKING:
    from okrlint.lint.registry import Rule
    from okrlint.model.repository import Repository


@record
class Selection:
    """Which rules run and how severe their findings are."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()

    def chosen(self, candidate: Rule | RuleInfo) -> bool:
        """Return True when ``candidate`` is named by ``select`` and not by ``ignore``."""
        return any(matches(s, candidate) for s in self.select) and not any(matches(s, candidate) for s in self.ignore)

    def rules(self) -> list[Rule]:
        """Return the rules chosen by ``select`` minus ``ignore`` (importing the rule modules)."""
        return [r for r in all_rules() if self.chosen(r)]

    def codes(self) -> set[str]:
        """Return the codes of the chosen rules, from the rule table (no rule module is imported)."""
        return {info.code for info in RULE_TABLE if self.chosen(info)}


def files_to_lint(config: Config, only: Sequence[Path] | None) -> tuple[list[SourceFile], set[str] | None]:
    """Return the repository's files plus ``only`` (linted in full context), and the paths of ``only`` to show."""
    files = source_files(config)
    if not only:
        return files, None
    extra = discover(only, config.root)
    known = {f.rel for f in files}
    return sorted([*files, *(f for f in extra if f.rel not in known)]), {escape_undecodable(f.rel) for f in extra}


def shown(findings: Sequence[Finding], files: int, only_rel: set[str] | None, repo: Repository | None) -> LintResult:
    """Return the result that shows ``findings`` (only those of ``only_rel`` when given)."""
    kept = tuple(f for f in findings if only_rel is None or f.path in only_rel)
    return LintResult(kept, len(only_rel) if only_rel is not None else files, repo)
