"""Write a command's text output: to stdout, or atomically to a file (never through a link in the repository)."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

from okrlint.util.atomic import link_on_the_way, write_atomic
from okrlint.util.errors import UserError
from okrlint.util.text import writable


def refuse_links(path: Path, root: Path) -> None:
    """Refuse to write ``path`` when a symbolic link lies on its way inside the repository ``root``."""
    link = link_on_the_way(path, root)
    if link is not None:
        raise UserError(f"{link}: is a symbolic link; okrlint does not write through links inside the repository")


def write_output(text: str, output: str | None, root: Path | None = None) -> None:
    """Write ``text`` to stdout (None or ``-``) or atomically to a file; it never fails on what the text holds.

    With ``root`` (the repository), a file inside it is refused when a symbolic link lies on its way.
    """
    text = writable(text)
    if output is None or output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    if root is not None:
        refuse_links(Path(output), root)
    try:
        if _is_special(Path(output)):  # /dev/null, a named pipe, a terminal: write into it, never replace it
            with open(output, "w", encoding="utf-8") as stream:
                stream.write(text)
        else:
            write_atomic(Path(output), text)
    except OSError as error:
        raise UserError(f"{output}: cannot write: {error.strerror or error}") from None


def _is_special(path: Path) -> bool:
    """Tell whether ``path`` exists and is not a regular file or folder (a device, pipe or socket)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))
