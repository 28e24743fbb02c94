"""The rule registry: the ``@rule`` decorator and what a rule is (code, name, default severity, documentation)."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from okrlint.lint.findings import Finding, Severity
from okrlint.util.records import record

if TYPE_CHECKING:
    from okrlint.config import Config
    from okrlint.model.alignment import Alignment
    from okrlint.model.repository import Loc, Repository
    from okrlint.scoring.scores import CheckIns


@dataclass(frozen=True)
class RuleContext:
    """What a rule may read: the repository model, the configuration and the as-of date."""

    repo: Repository
    config: Config
    as_of: date

    @cached_property
    def checkins(self) -> CheckIns:
        """Return the check-in rows up to ``as_of``, grouped once for every rule that needs them."""
        from okrlint.scoring.scores import collect_checkins

        return collect_checkins(self.repo, self.as_of)

    @cached_property
    def alignments(self) -> tuple[Alignment, ...]:
        """Return every ``aligns`` entry resolved against the repository, once for every rule that needs them."""
        from okrlint.model.alignment import alignments

        return tuple(alignments(self.repo))


Hit = tuple["Loc", str]  # the model loads with the first rule that runs, not with the registry
Check = Callable[[RuleContext], Iterable[Hit]]
MAX_MESSAGE = 1000  # a megabyte-long id or title quoted in full would flood the output


def bounded(message: str) -> str:
    """Return ``message``, its middle cut when it is longer than ``MAX_MESSAGE`` (the fix hint at its end stays)."""
    if len(message) <= MAX_MESSAGE:
        return message
    return f"{message[: MAX_MESSAGE - 300]} … {message[-250:]}"


@record
class Rule:
    """A registered rule; ``check`` is None for rules the loader reports (E001–E003, E006, E007)."""

    code: str
    name: str
    severity: Severity
    summary: str
    doc: str
    check: Check | None

    def finding(self, loc: Loc, message: str) -> Finding:
        """Return a finding of this rule at ``loc``."""
        return Finding(loc.path, loc.line, loc.column, self.code, self.name, self.severity, bounded(message))

    def finding_at(self, path: str, line: int, column: int, message: str) -> Finding:
        """Return a finding of this rule at ``path:line:column``."""
        return Finding(path, line, column, self.code, self.name, self.severity, bounded(message))

    def run(self, context: RuleContext) -> Iterator[Finding]:
        """Run the rule's check over the repository."""
        if self.check is not None:
            for loc, message in self.check(context):
                yield self.finding(loc, message)


RULES: dict[str, Rule] = {}


def _register(code: str, name: str, severity: Severity, summary: str, doc: str, check: Check | None) -> Rule:
    if code in RULES or any(r.name == name for r in RULES.values()):
        raise ValueError(f"rule {code} {name} registered twice")
    rule = Rule(code, name, severity, summary, inspect.cleandoc(doc), check)
    RULES[code] = rule
    return rule


def rule(code: str, name: str, severity: Severity, summary: str) -> Callable[[Check], Check]:
    """Register the decorated check function as rule ``code``; its docstring is the documentation."""

    def decorate(check: Check) -> Check:
        _register(code, name, severity, summary, check.__doc__ or "", check)
        return check

    return decorate


def declare(code: str, name: str, severity: Severity, summary: str, doc: str) -> Rule:
    """Register a rule whose findings come from the loader rather than a check function."""
    return _register(code, name, severity, summary, doc, None)
