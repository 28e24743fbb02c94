"""``okrlint rules`` and ``okrlint rule CODE``."""

from __future__ import annotations

import click

from okrlint.lint.catalogue import all_rules, find_rule
from okrlint.lint.findings import FIXABLE
from okrlint.util.errors import UserError


def rules_table() -> str:
    """Return the rule table: code, name, default severity, summary."""
    rules = all_rules()
    width = max(len(r.name) for r in rules)
    lines = [f"{'code':<5} {'name':<{width}} {'severity':<8} summary"]
    lines += [f"{r.code:<5} {r.name:<{width}} {r.severity!s:<8} {r.summary}" for r in rules]
    return "\n".join(lines) + "\n"


def _fix_section(code: str) -> str:
    """Return the paragraph saying whether and how the rule's findings can be fixed."""
    known = FIXABLE.get(code)
    if known is None:
        return "Fix: none (fix these findings by hand).\n\n"
    when, applicability, what = known
    flag = "`okrlint lint --fix`" if applicability.startswith("safe") else "`okrlint lint --fix --unsafe-fixes`"
    return f"Fix: {when} available, {applicability} ({flag}): {what}.\n\n"


@click.command("rules")
def rules_command() -> int:
    """List every rule: code, name, default severity and summary."""
    click.echo(rules_table(), nl=False)
    return 0


@click.command("rule")
@click.argument("code")
def rule_command(code: str) -> int:
    """Print one rule's documentation (by code or name)."""
    found = find_rule(code)
    if found is None:
        raise UserError(f"{code!r} is neither a rule code nor a rule name; see `okrlint rules`")
    click.echo(
        f"{found.code} {found.name} ({found.severity})\n\n{found.summary}\n\n{_fix_section(found.code)}{found.doc}"
    )
    return 0


COMMANDS = (rules_command, rule_command)
