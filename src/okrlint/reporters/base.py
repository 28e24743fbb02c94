"""Options shared by the lint reporters."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """How to render: colour on or off, the okrlint version to name, whether unsafe fixes are offered."""

    color: bool = False
    version: str = ""
    unsafe_fixes: bool = False
