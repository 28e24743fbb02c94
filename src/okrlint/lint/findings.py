"""Findings: the frozen, sortable result of every check."""

from __future__ import annotations

from dataclasses import field, replace

from okrlint.util.records import record
from okrlint.util.severity import Severity
from okrlint.util.text import escape_undecodable

__all__ = ["FIXABLE", "Finding", "Fix", "Severity"]

# Rules whose findings may carry a fix: code -> (always | sometimes, safe | unsafe, what it does).
FIXABLE: dict[str, tuple[str, str, str]] = {
    "E002": (
        "sometimes",
        "safe",
        "renames an unknown key with exactly one did-you-mean; writes a period "
        "spelt `Q4 2026`, `2026 Q4` or `2026-q4` as `2026-Q4`",
    ),
    "S202": (
        "sometimes",
        "safe (unsafe for `milestone: true`)",
        'fills `target` (and `baseline`, `unit`) from a "from A unit to B unit" title; '
        "on a deliverable title adds `milestone: true` (unsafe)",
    ),
    "S203": ("sometimes", "safe", 'fills `baseline` from a "from A unit to B unit" title'),
    "S204": ("sometimes", "safe", 'fills `unit` from a "from A unit to B unit" title'),
    "T402": ("sometimes", "unsafe", "sorts the log's rows by date, each with the comments above it"),
}


@record
class Fix:
    """What a fix for a finding would do, and whether it is safe to apply unasked."""

    applicability: str  # "safe" | "unsafe"
    message: str

    def as_dict(self) -> dict[str, str]:
        """Return the JSON shape of SPEC §2 Fixes."""
        return {"applicability": self.applicability, "message": self.message}


@record(order=True)
class Finding:
    """One problem at one place: sorted by path, line, column, code."""

    path: str
    line: int
    column: int
    code: str
    rule: str = field(compare=False)
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    fix: Fix | None = field(default=None, compare=False)

    def escaped(self) -> Finding:
        """Return this finding with undecodable bytes of its path and message written as ``\\xNN`` (SPEC §7)."""
        path, message = escape_undecodable(self.path), escape_undecodable(self.message)
        return self if (path, message) == (self.path, self.message) else replace(self, path=path, message=message)

    def as_dict(self) -> dict[str, object]:
        """Return the JSON shape of SPEC §5.1."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
            "fix": self.fix.as_dict() if self.fix is not None else None,
        }
