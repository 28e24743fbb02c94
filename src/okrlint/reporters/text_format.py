"""The ``text`` format: ``path:line:col: CODE [severity] message`` and a summary line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from okrlint.lint.findings import Finding, Severity
from okrlint.lint.result import LintResult
from okrlint.reporters.base import ReportOptions
from okrlint.util.text import printable

_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _RESET = "\033[1m", "\033[0m"


def counted(count: int, noun: str) -> str:
    """Return ``count`` with ``noun`` in the right number: "1 error", "0 errors", "2 errors"."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def summary(result: LintResult) -> str:
    """Return the summary line of SPEC §5.1 with proper singulars ("Found 1 problem (1 error, …) in 1 file.")."""
    errors, warnings, infos = (result.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    return (
        f"Found {counted(len(result.findings), 'problem')} ({counted(errors, 'error')}, "
        f"{counted(warnings, 'warning')}, {counted(infos, 'info')}) in {counted(result.files, 'file')}."
    )


def statistics(result: LintResult, color: bool = False, unsafe_fixes: bool = False) -> list[str]:
    """Return one line per code with its count, most frequent first (ruff's layout; ``[*]`` marks fixable codes)."""
    counts = Counter(f.code for f in result.findings)
    first = {f.code: f for f in reversed(result.findings)}
    fixable = {f.code for f in result.findings if _offered(f, unsafe_fixes)}
    width = len(str(max(counts.values(), default=0)))
    lines = []
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        f = first[code]
        tint, reset = (_COLORS[f.severity], _RESET) if color else ("", "")
        mark = "[*] " if code in fixable else ""
        lines.append(f"{count:>{width}}\t{tint}{code}{reset}\t{mark}[{f.severity}] {f.rule}")
    return lines


def _offered(f: Finding, unsafe_fixes: bool) -> bool:
    """Return True when ``--fix`` (with ``--unsafe-fixes`` as given) would fix ``f``."""
    return f.fix is not None and (unsafe_fixes or f.fix.applicability == "safe")


def finding_line(f: Finding, color: bool = False, unsafe_fixes: bool = False) -> str:
    """Return one finding as ``path:line:col: CODE [*] [severity] message`` (``[*]``: fixable), safe for a terminal."""
    message = printable(f.message.replace("\r", " ").replace("\n", " "))
    path = printable(f.path)
    code = f"{f.code} [*]" if _offered(f, unsafe_fixes) else f.code
    if not color:
        return f"{path}:{f.line}:{f.column}: {code} [{f.severity}] {message}"
    tint = _COLORS[f.severity]
    return f"{_BOLD}{path}{_RESET}:{f.line}:{f.column}: {tint}{code}{_RESET} [{tint}{f.severity}{_RESET}] {message}"


def fixable_lines(findings: Sequence[Finding], unsafe_fixes: bool) -> list[str]:
    """Return ruff's closing lines: how many findings ``--fix`` fixes, and how many wait for ``--unsafe-fixes``."""
    offered = sum(1 for f in findings if _offered(f, unsafe_fixes))
    hidden = sum(1 for f in findings if f.fix is not None and not _offered(f, unsafe_fixes))
    lines = []
    if offered:
        flag = "`--fix --unsafe-fixes`" if unsafe_fixes else "`--fix`"
        lines.append(f"[*] {offered} fixable with {flag}.")
    if hidden:
        noun = "hidden fix" if hidden == 1 else "hidden fixes"
        lines.append(f"({hidden} {noun} can be enabled with `--unsafe-fixes`.)")
    return lines


def render(result: LintResult, options: ReportOptions) -> str:
    """Render findings one per line (or per-code counts with ``statistics``), then the summary and fixable lines.

    ``quiet`` leaves out everything after the findings.
    """
    if options.statistics:
        lines = statistics(result, options.color, options.unsafe_fixes)
    else:
        lines = [finding_line(f, options.color, options.unsafe_fixes) for f in result.findings]
    if not options.quiet:
        lines.append(summary(result))
        lines += fixable_lines(result.findings, options.unsafe_fixes)
    return "".join(f"{line}\n" for line in lines)
