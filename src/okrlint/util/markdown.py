"""The one Markdown escaper for repository text (names, paths, ids, titles, notes) in every Markdown output.

What comes out is one line of inline text that GitHub renders as the characters that went in:
it cannot end a table row or cell, start a block (heading, list, quote, code block), open an
HTML tag or comment, form a link, image, code span, emphasis, strikethrough or math, mention a
user or team, or become an autolink. The escaping is the least GitHub needs, so the raw file
reads as written: "R&D", "p95 < 400 ms", "$5M", "snake_case", "2 * 3" and "[p95]" stay as they are.
"""

from __future__ import annotations

import re

__all__ = ["escape_markdown"]

# Every character a Markdown line or a table row can end at (CommonMark and Python agree on \r, \n).
_BREAKS = re.compile(r"\r\n|[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Each rule escapes only what would otherwise render as syntax.
_BACKSLASH = re.compile(r"\\(?=[!-/:-@\[-`{-~]|\Z)")  # a backslash that would escape what follows it
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")  # & that would start an entity (&amp;)
_TAG = re.compile(r"<(?=[A-Za-z/!?])")  # < that would open an HTML tag, comment or autolink
_ALWAYS = re.compile(r"([`|])")  # code spans; table cells
_LINK = re.compile(r"\](?=[(\[:])")  # ] that would close a link or image text, or define a reference
_STAR = re.compile(r"(?<!\s)\*|\*(?!\s)")  # * that can open or close emphasis (not one between spaces)
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")  # _ at a word edge (snake_case stays)
_PAIRED = "~$"  # strikethrough and math need two: escaped only when the text holds two
_BLOCK_START = re.compile(r"([ \t]*)(?:([-+=]|#{1,6})(?=\s|\Z)|(>)|(\d{1,9})([.)])(?=\s|\Z))")
_ZWSP = "\u200b"  # breaks @mentions and autolinks without changing what a reader sees
_AUTOLINK = re.compile(r"(?i)(?<=:)(?=//)|(?<=www)(?=\.)")


def escape_markdown(raw: object, newline: str = " ") -> str:
    """Return ``raw`` as inline Markdown text that shows exactly its characters.

    A ``&`` that would start an entity and a ``<`` that would open a tag become entities, the
    Markdown punctuation that would start syntax is backslash-escaped, line breaks become
    ``newline`` (a space, or ``<br>`` inside a table cell), control and bidi-override characters
    are dropped, and a zero-width space follows each ``@`` and splits ``://`` and ``www.``.
    """
    text = "" if raw is None else str(raw)
    separator = "<br>" if newline == "<br>" else " "
    paired = "".join(c for c in _PAIRED if text.count(c) > 1)
    lines = _BREAKS.split(text)
    if len(lines) == 1:
        return _line(text, paired)
    last = len(lines) - 1
    pieces = []
    for i, line in enumerate(lines):  # spaces around a break fold into the separator
        line = line.lstrip(" \t") if i else line
        pieces.append(_line(line.rstrip(" \t") if i < last else line, paired))
    kept = [p for i, p in enumerate(pieces) if p or i in (0, last)]  # blank lines fold away
    return separator.join(kept)


def _line(text: str, paired: str) -> str:
    """Escape one line of text (no line breaks in it); ``paired`` holds the characters to escape everywhere."""
    text = _CONTROL.sub("", text).replace("\t", " ")
    text = _BACKSLASH.sub(r"\\\\", text)
    text = _TAG.sub("&lt;", _ENTITY.sub("&amp;", text))
    text = _ALWAYS.sub(r"\\\1", text)
    text = _UNDERSCORE.sub(r"\\_", _STAR.sub(r"\\*", _LINK.sub(r"\\]", text)))
    for char in paired:
        text = text.replace(char, "\\" + char)
    text = _AUTOLINK.sub(_ZWSP, text.replace("@", "@" + _ZWSP))
    block = _BLOCK_START.match(text)
    if block:
        lead, mark = block[1], block[2] or block[3]
        text = f"{lead}\\{text[len(lead) :]}" if mark else f"{lead}{block[4]}\\{text[len(lead) + len(block[4]) :]}"
    return text
