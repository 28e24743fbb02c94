"""Small text helpers shared by messages and reports."""

from __future__ import annotations

import re

# Lone surrogates: bytes of a non-UTF-8 file name or argument (os.fsdecode's surrogateescape), or worse.
_SURROGATE = re.compile("[\ud800-\udfff]")


def plural(count: int, word: str) -> str:
    """Return ``count`` with ``word``, adding an ``s`` unless the count is one."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def shorten(text: str, limit: int = 80) -> str:
    """Return ``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _escape_surrogate(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def escape_undecodable(text: str) -> str:
    """Return ``text`` with the bytes of a non-UTF-8 name shown as ``\\xNN``, so every format can write it."""
    return text if text.isascii() else _SURROGATE.sub(_escape_surrogate, text)


def writable(text: str) -> str:
    """Return ``text`` with any lone surrogate left in it replaced by U+FFFD (the last guard before writing)."""
    return text if text.isascii() else _SURROGATE.sub("\ufffd", text)
