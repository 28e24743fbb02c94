"""Small text helpers shared by messages and reports."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from typing import Any

from okrlint.util.lazyre import lazy_compile

# Lone surrogates: bytes of a non-UTF-8 file name or argument (os.fsdecode's surrogateescape), or worse.
_SURROGATE = lazy_compile("[\ud800-\udfff]")

# Control characters (ESC starts terminal escape sequences) and bidi overrides, from file names and content.
_UNSAFE = lazy_compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

# Longer words are never suggested against: difflib compares in time quadratic in the length.
_MAX_HINT_LENGTH = 200


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


def _escape_surrogate(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def escape_undecodable(text: str) -> str:
    """Return ``text`` with the bytes of a non-UTF-8 name shown as ``\\xNN``, so every format can write it."""
    return text if text.isascii() else _SURROGATE.sub(_escape_surrogate, text)


def printable(text: str) -> str:
    """Return ``text`` with control and bidi characters shown as escapes, so input cannot drive the terminal."""
    return _UNSAFE.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text)


def writable(text: str) -> str:
    """Return ``text`` with any lone surrogate left in it replaced by U+FFFD (the last guard before writing)."""
    return text if text.isascii() else _SURROGATE.sub("\ufffd", text)


def closest(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """Return the candidate most like ``word`` (difflib ratio at least ``cutoff``), else None."""
    if len(word) > _MAX_HINT_LENGTH:
        return None
    import difflib  # only a did-you-mean needs it

    found = difflib.get_close_matches(word, sorted(set(candidates)), n=1, cutoff=cutoff)
    return found[0] if found else None


def did_you_mean(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str:
    """Return `` (did you mean 'x'?)`` naming the candidate closest to ``word``, else an empty string."""
    hint = closest(word, candidates, cutoff)
    return f" (did you mean {hint!r}?)" if hint else ""
