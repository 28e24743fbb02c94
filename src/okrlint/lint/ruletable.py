"""Every rule's code, name, default severity and fixability, without importing the rule modules.

The CLI, the configuration checks and a lint answered from the cache need only these; the rules
themselves (and the model and wording grammar they import) load when a rule runs.
tests/lint/test_ruletable.py checks this table against the registered rules.
"""

from __future__ import annotations

from typing import NamedTuple

from okrlint.util.severity import Severity


class RuleInfo(NamedTuple):
    """What the catalogue knows of a rule before its module is imported."""

    code: str
    name: str
    severity: Severity
    fixable: bool


RULE_TABLE: tuple[RuleInfo, ...] = (
    RuleInfo("C101", "too-few-objectives", Severity.WARNING, fixable=False),
    RuleInfo("C102", "too-many-objectives", Severity.ERROR, fixable=False),
    RuleInfo("C103", "too-few-key-results", Severity.WARNING, fixable=False),
    RuleInfo("C104", "too-many-key-results", Severity.ERROR, fixable=False),
    RuleInfo("E001", "yaml-syntax", Severity.ERROR, fixable=False),
    RuleInfo("E002", "schema", Severity.ERROR, fixable=True),
    RuleInfo("E003", "duplicate-key", Severity.ERROR, fixable=False),
    RuleInfo("E004", "duplicate-id", Severity.ERROR, fixable=False),
    RuleInfo("E005", "unknown-reference", Severity.ERROR, fixable=False),
    RuleInfo("E006", "unsafe-yaml", Severity.ERROR, fixable=False),
    RuleInfo("E007", "unreadable", Severity.ERROR, fixable=False),
    RuleInfo("E008", "duplicate-team-period", Severity.ERROR, fixable=False),
    RuleInfo("E009", "alignment-cycle", Severity.ERROR, fixable=False),
    RuleInfo("E010", "alignment-period", Severity.ERROR, fixable=False),
    RuleInfo("E011", "bad-suppression", Severity.WARNING, fixable=False),
    RuleInfo("Q301", "activity-key-result", Severity.WARNING, fixable=False),
    RuleInfo("Q302", "duplicate-key-result", Severity.WARNING, fixable=False),
    RuleInfo("Q303", "missing-owner", Severity.WARNING, fixable=False),
    RuleInfo("Q304", "kpi-without-source", Severity.ERROR, fixable=False),
    RuleInfo("Q305", "unused-kpi", Severity.INFO, fixable=False),
    RuleInfo("S201", "vague-key-result", Severity.ERROR, fixable=False),
    RuleInfo("S202", "unmeasurable-key-result", Severity.ERROR, fixable=True),
    RuleInfo("S203", "missing-baseline", Severity.WARNING, fixable=True),
    RuleInfo("S204", "missing-unit", Severity.WARNING, fixable=True),
    RuleInfo("S205", "title-contradicts-fields", Severity.WARNING, fixable=False),
    RuleInfo("S206", "no-change", Severity.ERROR, fixable=False),
    RuleInfo("S207", "implausible-target", Severity.WARNING, fixable=False),
    RuleInfo("S208", "unaligned-objective", Severity.WARNING, fixable=False),
    RuleInfo("S209", "due-outside-period", Severity.ERROR, fixable=False),
    RuleInfo("S210", "metric-in-objective", Severity.INFO, fixable=False),
    RuleInfo("T401", "checkin-outside-period", Severity.WARNING, fixable=False),
    RuleInfo("T402", "checkin-conflict", Severity.WARNING, fixable=True),
    RuleInfo("T403", "invalid-checkin-value", Severity.ERROR, fixable=False),
    RuleInfo("T404", "stale-key-result", Severity.WARNING, fixable=False),
    RuleInfo("T405", "missed-commitment", Severity.WARNING, fixable=False),
)
