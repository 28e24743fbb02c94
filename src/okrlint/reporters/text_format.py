"""The ``text`` format: ``path:line:col: CODE [severity] message`` and a summary line."""

from __future__ import annotations

import re

from okrlint.lint.findings import Finding, Severity
from okrlint.lint.result import LintResult
from okrlint.reporters.base import ReportOptions

_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _RESET = "\033[1m", "\033[0m"
# Control characters (ESC starts terminal escape sequences) and bidi overrides from file names and content.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _printable(text: str) -> str:
    """Return ``text`` with control and bidi characters shown as escapes, so input cannot drive the terminal."""
    return _UNSAFE.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text)


def summary(result: LintResult) -> str:
    """Return the summary line of SPEC §5.1, worded exactly as there (always plural, for tools that parse it)."""
    errors, warnings, infos = (result.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    return (
        f"Found {len(result.findings)} problems ({errors} errors, {warnings} warnings, {infos} infos) "
        f"in {result.files} files."
    )


def finding_line(f: Finding, color: bool = False) -> str:
    """Return one finding as ``path:line:col: CODE [severity] message``, safe for a terminal."""
    message = _printable(f.message.replace("\r", " ").replace("\n", " "))
    path = _printable(f.path)
    if not color:
        return f"{path}:{f.line}:{f.column}: {f.code} [{f.severity}] {message}"
    tint = _COLORS[f.severity]
    return f"{_BOLD}{path}{_RESET}:{f.line}:{f.column}: {tint}{f.code}{_RESET} [{tint}{f.severity}{_RESET}] {message}"


def render(result: LintResult, options: ReportOptions) -> str:
    """Render findings one per line, then the summary line."""
    lines = [finding_line(f, options.color) for f in result.findings]
    lines.append(summary(result))
    return "\n".join(lines) + "\n"
