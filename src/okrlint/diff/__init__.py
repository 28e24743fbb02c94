"""The diff stage: read two revisions with git, compare their models, render the change as md or json."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from okrlint.util.formats import FormatRegistry

if TYPE_CHECKING:
    from okrlint.diff.compare import DiffResult

DIFF_FORMATS: FormatRegistry[Callable[[DiffResult], str]] = FormatRegistry(
    {"md": "okrlint.diff.render:render_markdown", "json": "okrlint.diff.render:render_json"}
)
