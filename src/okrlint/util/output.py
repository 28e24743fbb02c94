"""Write a command's text output: to stdout, or atomically to a file."""

from __future__ import annotations

import sys
from pathlib import Path

from okrlint.util.atomic import write_atomic
from okrlint.util.errors import UserError


def write_output(text: str, output: str | None) -> None:
    """Write ``text`` to stdout (None or ``-``) or atomically to a file."""
    if output is None or output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        write_atomic(Path(output), text)
    except OSError as error:
        raise UserError(f"{output}: cannot write: {error.strerror or error}") from None
