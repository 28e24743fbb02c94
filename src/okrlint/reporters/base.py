"""Options shared by the lint reporters."""

from __future__ import annotations

from okrlint.util.records import record


@record
class ReportOptions:
    """How to render: colour, the okrlint version to name, whether unsafe fixes are offered,
    per-code counts instead of findings (``statistics``), no summary (``quiet``)."""

    color: bool = False
    version: str = ""
    unsafe_fixes: bool = False
    statistics: bool = False
    quiet: bool = False
