"""The rule catalogue: every registered rule, looked up by code or name, and rule selectors checked against it.

Selectors are checked against the static table of lint/ruletable.py, so a command that runs no rule imports none.

Importing the rule modules (on first use) registers them (lint/rules/__init__.py lists them); rules import only
the decorator module lint/registry.py, so the catalogue sits above both and no import runs in a circle.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from okrlint.config import Config, ConfigError
from okrlint.lint.ruletable import RULE_TABLE, RuleInfo
from okrlint.util.text import closest

if TYPE_CHECKING:
    from okrlint.lint.registry import Rule


def all_rules() -> list[Rule]:
    """Return every rule, sorted by code (importing the rule modules first: commands that need no rule load none)."""
    import okrlint.lint.rules  # noqa: F401  (registers the rules)
    from okrlint.lint.registry import RULES

    return sorted(RULES.values(), key=lambda r: r.code)


def get_rule(code: str) -> Rule:
    """Return the rule with ``code``."""
    import okrlint.lint.rules  # noqa: F401  (registers the rules)
    from okrlint.lint.registry import RULES

    return RULES[code]


def find_rule(key: str) -> Rule | None:
    """Return the rule whose code or name is ``key`` (case-insensitive), else None."""
    wanted = key.strip()
    for candidate in all_rules():
        if candidate.code.lower() == wanted.lower() or candidate.name == wanted.lower():
            return candidate
    return None


def matches(selector: str, candidate: Rule | RuleInfo) -> bool:
    """Return True when ``selector`` (ALL, a code, a code prefix or a name) names ``candidate``."""
    text = selector.strip()
    if text.upper() == "ALL":
        return True
    return candidate.code.startswith(text.upper()) or candidate.name == text.lower()


def unknown_selectors(selectors: Iterable[str]) -> list[str]:
    """Return error messages for selectors that name no rule, with a did-you-mean (no rule module is imported)."""
    rules = RULE_TABLE
    words = {word.lower(): word for r in rules for word in (r.code, r.name)}
    errors = []
    for selector in selectors:
        if not any(matches(selector, r) for r in rules):
            hint = closest(selector.lower(), words)
            suffix = f" (did you mean {words[hint]!r}?)" if hint else ""
            errors.append(f"{selector!r} names no rule{suffix}")
    return errors


def check_config_selectors(config: Config) -> None:
    """Refuse a configuration whose rule selectors name no rule (exit 2), each at its line and column."""
    unknown = [
        f"{config.source}:{site.line}:{site.column}: {site.setting}: {error}"
        for site in config.selector_sites
        for error in unknown_selectors([site.selector])
    ]
    if unknown:
        raise ConfigError("invalid configuration:\n" + "\n".join(unknown))
