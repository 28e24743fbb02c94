"""Lint reporters: one module per format, each with ``render(result, options) -> str``."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from okrlint.lint.result import LintResult
from okrlint.reporters.base import ReportOptions

FORMATS = ("text", "json", "github", "sarif")

Renderer = Callable[[LintResult, ReportOptions], str]


def get_reporter(name: str) -> Renderer:
    """Return the ``render`` function of the format ``name``."""
    if name not in FORMATS:
        raise KeyError(name)
    module = import_module(f"okrlint.reporters.{name}_format")
    renderer: Renderer = module.render
    return renderer


__all__ = ["FORMATS", "Renderer", "ReportOptions", "get_reporter"]
