"""The report stage: report data (the JSON shape) from the scored model, rendered as html, md or json."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from okrlint.util.formats import FormatRegistry

if TYPE_CHECKING:
    from okrlint.report.writers import WriteOptions

DEFAULT_HTML_FOLDER = "scorecard"

REPORT_FORMATS: FormatRegistry[Callable[[dict[str, Any], WriteOptions], None]] = FormatRegistry(
    {
        "html": "okrlint.report.writers:write_html_folder",
        "md": "okrlint.report.writers:write_markdown",
        "json": "okrlint.report.writers:write_json",
    }
)
