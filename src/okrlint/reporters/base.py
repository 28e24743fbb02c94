"""Options shared by the lint reporters."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """How to render: colour, the okrlint version to name, per-code counts instead of findings, no summary."""

    color: bool = False
    version: str = ""
    statistics: bool = False
    quiet: bool = False
