"""Options shared by the lint reporters."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """How to render: colour on or off, and the okrlint version to name in the output."""

    color: bool = False
    version: str = ""
