"""Options and helpers shared by the commands."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from okrlint.util.atomic import link_on_the_way, write_atomic
from okrlint.config import Config, discover_config, with_overrides
from okrlint.util.errors import UserError
from okrlint.util.text import writable

F = TypeVar("F", bound=Callable[..., Any])


class IsoDate(click.ParamType):  # type: ignore[type-arg]  # generic only in newer click
    """A ``YYYY-MM-DD`` date option."""

    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date (YYYY-MM-DD)", param, ctx)


ISO_DATE = IsoDate()


def as_of_option(function: F) -> F:
    """Add ``--as-of`` (default: today)."""
    return click.option("--as-of", type=ISO_DATE, default=None, help="Evaluate as of this date (default: today).")(
        function
    )


def config_option(function: F) -> F:
    """Add ``--config``."""
    return click.option(
        "--config",
        "config_path",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        help="Configuration file (default: discovered).",
    )(function)


def load_config(config_path: Path | None, **overrides: Any) -> Config:
    """Discover or read the configuration and apply command-line overrides."""
    return with_overrides(discover_config(config_path), **overrides)


def today(as_of: date | None) -> date:
    """Return ``as_of`` or today's date."""
    return as_of or date.today()


def split_list(values: tuple[str, ...]) -> tuple[str, ...]:
    """Split repeated and comma-separated option values into one tuple."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def existing_paths(paths: tuple[str, ...]) -> list[Path]:
    """Return ``paths`` as Paths, refusing ones that do not exist."""
    result = []
    for text in paths:
        path = Path(text)
        if not path.exists() and not path.is_symlink():
            raise UserError(f"{text}: no such file or folder")
        result.append(path)
    return result


def refuse_links(path: Path, root: Path) -> None:
    """Refuse to write ``path`` when a symbolic link lies on its way inside the repository ``root``."""
    link = link_on_the_way(path, root)
    if link is not None:
        raise UserError(f"{link}: is a symbolic link; okrlint does not write through links inside the repository")


def write_output(text: str, output: str | None, root: Path | None = None) -> None:
    """Write ``text`` to stdout (None or ``-``) or atomically to a file; it never fails on what the text holds."""
    text = writable(text)
    if output is None or output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    if root is not None:
        refuse_links(Path(output), root)
    try:
        write_atomic(Path(output), text)
    except OSError as error:
        raise UserError(f"{output}: cannot write: {error.strerror or error}") from None


def use_color(output: str | None) -> bool:
    """Return True when output goes to a terminal and ``NO_COLOR`` is not set."""
    if output not in (None, "-") or os.environ.get("NO_COLOR"):  # no-color.org: set and not empty
        return False
    return sys.stdout.isatty()
