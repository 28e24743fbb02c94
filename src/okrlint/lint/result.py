"""What a lint run produces: the findings to show and how many files they cover."""

from __future__ import annotations

from typing import TYPE_CHECKING

from okrlint.lint.findings import Finding
from okrlint.util.records import record
from okrlint.util.severity import Severity

if TYPE_CHECKING:
    from okrlint.model.repository import Repository


@record
class LintResult:
    """The findings to show, how many files they cover, and the model when this run built one.

    ``repo`` is None when the findings were read whole from the cache (no model was built).
    """

    findings: tuple[Finding, ...]
    files: int
    repo: Repository | None = None

    def count(self, severity: Severity) -> int:
        """Return the number of findings of ``severity``."""
        return sum(1 for f in self.findings if f.severity == severity)

    def worst(self) -> Severity | None:
        """Return the highest severity among the findings, None when there are none."""
        return max((f.severity for f in self.findings), default=None)
