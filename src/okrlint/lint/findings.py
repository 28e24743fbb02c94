"""Findings: the frozen, sortable result of every check."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from okrlint.util.severity import Severity
from okrlint.util.text import escape_undecodable

__all__ = ["Finding", "Severity"]


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """One problem at one place: sorted by path, line, column, code."""

    path: str
    line: int
    column: int
    code: str
    rule: str = field(compare=False)
    severity: Severity = field(compare=False)
    message: str = field(compare=False)

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
        }
