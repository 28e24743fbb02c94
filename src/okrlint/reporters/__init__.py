"""Lint reporters: one module per format, each with ``render(result, options) -> str``, in one registry."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from okrlint.reporters.base import ReportOptions
from okrlint.util.formats import FormatRegistry

if TYPE_CHECKING:
    from okrlint.lint.result import LintResult

Renderer = Callable[["LintResult", ReportOptions], str]

REPORTERS: FormatRegistry[Renderer] = FormatRegistry(
    {name: f"okrlint.reporters.{name}_format:render" for name in ("text", "json", "github", "sarif")}
)
FORMATS = REPORTERS.names
get_reporter = REPORTERS.get

__all__ = ["FORMATS", "REPORTERS", "Renderer", "ReportOptions", "get_reporter"]
