"""The ``github`` format: one GitHub Actions workflow command per finding."""

from __future__ import annotations

from okrlint.lint.findings import Severity
from okrlint.lint.result import LintResult
from okrlint.reporters.base import ReportOptions

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message as GitHub's toolkit does (``%``, CR, LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property value: like data, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: LintResult, options: ReportOptions) -> str:
    """Render ``::error file=PATH,line=L,col=C,title=CODE rule::MESSAGE`` lines."""
    lines = []
    for f in result.findings:
        properties = ",".join(
            f"{key}={escape_property(value)}"
            for key, value in (
                ("file", f.path),
                ("line", str(f.line)),
                ("col", str(f.column)),
                ("title", f"{f.code} {f.rule}"),
            )
        )
        lines.append(f"::{_COMMANDS[f.severity]} {properties}::{escape_data(f.message)}")
    return "".join(line + "\n" for line in lines)
