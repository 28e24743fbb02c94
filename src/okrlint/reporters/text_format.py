"""The ``text`` format: ``path:line:col: CODE [severity] message`` and a summary line."""

from __future__ import annotations

from okrlint.findings import Severity
from okrlint.lint import LintResult
from okrlint.reporters.base import ReportOptions

_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _RESET = "\033[1m", "\033[0m"


def summary(result: LintResult) -> str:
    """Return the summary line of SPEC §5.1, worded exactly as there (always plural, for tools that parse it)."""
    errors, warnings, infos = (result.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    return (
        f"Found {len(result.findings)} problems ({errors} errors, {warnings} warnings, {infos} infos) "
        f"in {result.files} files."
    )


def render(result: LintResult, options: ReportOptions) -> str:
    """Render findings one per line, then the summary line."""
    lines = []
    for f in result.findings:
        message = f.message.replace("\r", " ").replace("\n", " ")
        if options.color:
            color = _COLORS[f.severity]
            lines.append(
                f"{_BOLD}{f.path}{_RESET}:{f.line}:{f.column}: {color}{f.code}{_RESET} "
                f"[{color}{f.severity}{_RESET}] {message}"
            )
        else:
            lines.append(f"{f.path}:{f.line}:{f.column}: {f.code} [{f.severity}] {message}")
    lines.append(summary(result))
    return "\n".join(lines) + "\n"
