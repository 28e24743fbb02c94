"""Apply a file's ``okrlint:`` directives to its findings, and report the bad ones (E011)."""

from __future__ import annotations

from functools import cache

from okrlint.lint.catalogue import all_rules, get_rule, matches, unknown_selectors
from okrlint.lint.findings import Finding
from okrlint.lint.registry import Rule
from okrlint.source.suppress import Directive, Suppressions


@cache
def _problem(directive: Directive) -> str | None:
    """Return why a directive suppresses nothing (malformed, or an unknown selector), else None."""
    if directive.problem is not None:
        return directive.problem
    reasons = zip(directive.selectors, _each_unknown(directive.selectors), strict=True)
    unknown = [_lookalike(selector) or reason for selector, reason in reasons if reason]
    if unknown:
        return f"okrlint directive: {'; '.join(unknown)}, so it suppresses nothing; name a rule code or name"
    return None


def _each_unknown(selectors: tuple[str, ...]) -> list[str | None]:
    """Return, per selector, why it names no rule, or None when it names one."""
    return [next(iter(unknown_selectors([s])), None) for s in selectors]


def _lookalike(selector: str) -> str | None:
    """Return a hint when ``selector`` is a code typed with O/I/l for 0/1 (``S2O1`` for ``S201``)."""
    fixed = selector[:1].upper() + selector[1:].upper().replace("O", "0").replace("I", "1").replace("L", "1")
    if fixed != selector.upper() and any(rule.code == fixed for rule in all_rules()):
        return f"{selector!r} names no rule (did you mean {fixed!r}?)"
    return None


def directive_findings(path: str, suppressions: Suppressions) -> list[Finding]:
    """Return an E011 finding at each directive that is malformed or names an unknown rule."""
    rule = get_rule("E011")
    return [
        rule.finding_at(path, d.line, d.column, message)
        for d in suppressions.directives
        if (message := _problem(d)) is not None
    ]


def is_suppressed(finding: Finding, rule: Rule, suppressions: Suppressions) -> bool:
    """Return True when a valid directive of the file covers ``finding`` (its line, or the whole file)."""
    return any(
        d.target in (0, finding.line) and _problem(d) is None and any(matches(s, rule) for s in d.selectors)
        for d in suppressions.directives
    )
