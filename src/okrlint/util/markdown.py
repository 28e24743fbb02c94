"""The one Markdown escaper for repository text (names, paths, ids, titles, notes) in every Markdown output.

What comes out is one line of inline text that GitHub renders as the characters that went in:
it cannot end a table row or cell, start a block (heading, list, quote, code block), open an
HTML tag or comment, form a link, image, code span or emphasis, mention a user or team, or
become an autolink.
"""

from __future__ import annotations

import re

__all__ = ["escape_markdown"]

# Every character a Markdown line or a table row can end at (CommonMark and Python agree on \r, \n).
_BREAKS = re.compile(r"\r\n|[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Markdown punctuation that can start syntax inline; each is written backslash-escaped. ``!`` and
# ``(`` need no escape: with every ``[`` escaped no link or image can form.
_SPECIALS = re.compile(r"([\\`*_\[\]|~#$])")
_BLOCK_START = re.compile(r"(?:([-+=])|(\d{1,9})([.)]))(?=\s|\Z)")
_ZWSP = "\u200b"  # breaks @mentions and autolinks without changing what a reader sees
_AUTOLINK = re.compile(r"(?i)(?<=:)(?=//)|(?<=www)(?=\.)")


def escape_markdown(raw: object, newline: str = " ") -> str:
    """Return ``raw`` as inline Markdown text that shows exactly its characters.

    ``& < >`` become entities, Markdown punctuation is backslash-escaped, line breaks become
    ``newline`` (a space, or ``<br>`` inside a table cell), control and bidi-override characters
    are dropped, and a zero-width space follows each ``@`` and splits ``://`` and ``www.``.
    """
    text = "" if raw is None else str(raw)
    separator = "<br>" if newline == "<br>" else " "
    lines = _BREAKS.split(text)
    if len(lines) == 1:
        return _line(text)
    last = len(lines) - 1
    pieces = []
    for i, line in enumerate(lines):  # spaces around a break fold into the separator
        line = line.lstrip(" \t") if i else line
        pieces.append(_line(line.rstrip(" \t") if i < last else line))
    kept = [p for i, p in enumerate(pieces) if p or i in (0, last)]  # blank lines fold away
    return separator.join(kept)


def _line(text: str) -> str:
    """Escape one line of text (no line breaks in it)."""
    text = _CONTROL.sub("", text).replace("\t", " ")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIALS.sub(r"\\\1", text)
    text = _AUTOLINK.sub(_ZWSP, text.replace("@", "@" + _ZWSP))
    block = _BLOCK_START.match(text)
    if block:
        text = f"\\{text}" if block[1] else f"{block[2]}\\{text[len(block[2]) :]}"
    return text
