"""Small text helpers shared by messages and reports."""

from __future__ import annotations

import sys
from typing import Any


def plural(count: int, word: str) -> str:
    """Return ``count`` with ``word``, adding an ``s`` unless the count is one."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def shorten(text: str, limit: int = 80) -> str:
    """Return ``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def shared(value: Any) -> Any:
    """Return one shared copy of a repeated short string (references, authors), else ``value``."""
    return sys.intern(value) if type(value) is str and len(value) <= 200 else value
