"""Options and helpers shared by the commands."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from okrlint.config import Config, discover_config, with_overrides
from okrlint.lint.catalogue import check_config_selectors
from okrlint.util.errors import UserError
from okrlint.util.progress import Progress, show_progress

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


def cache_option(function: F) -> F:
    """Add ``--cache/--no-cache`` (default on): reuse and fill ``.okrlint_cache/``."""
    return click.option(
        "--cache/--no-cache",
        default=True,
        show_default=True,
        help="Reuse and store results in .okrlint_cache/ at the repository root.",
    )(function)


def progress_option(function: F) -> F:
    """Add ``--progress/--no-progress`` (default on): a progress line on stderr for long runs on a terminal."""
    return click.option(
        "--progress/--no-progress",
        default=True,
        show_default=True,
        help="Show progress on stderr when a run takes over a second (on a terminal; never for json/sarif/github).",
    )(function)


@contextmanager
def progress_for(enabled: bool, output_format: str) -> Iterator[Progress | None]:
    """Yield a progress line on stderr when it should be shown (see ``show_progress``), else None; erase it after."""
    if not show_progress(enabled, output_format, sys.stderr):
        yield None
        return
    progress = Progress(sys.stderr)
    try:
        yield progress
    finally:
        progress.close()


def load_config(config_path: Path | None, **overrides: Any) -> Config:
    """Discover or read the configuration (its rule selectors checked) and apply command-line overrides."""
    config = discover_config(config_path)
    check_config_selectors(config)
    return with_overrides(config, **overrides)


def today(as_of: date | None) -> date:
    """Return ``as_of`` or today's date."""
    return as_of or date.today()


def split_list(values: tuple[str, ...]) -> tuple[str, ...]:
    """Split repeated and comma-separated option values into one tuple."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def existing_paths(paths: tuple[str, ...], root: Path) -> list[Path]:
    """Return ``paths`` as Paths, refusing ones that do not exist and warning on stderr of files that are skipped."""
    from okrlint.source.files import skip_reason
    from okrlint.util.text import escape_undecodable, printable

    result = []
    for text in paths:
        path = Path(text)
        if not path.exists() and not path.is_symlink():
            raise UserError(f"{text}: no such file or folder")
        reason = skip_reason(path, root)
        if reason is not None:
            click.echo(f"okrlint: warning: {printable(escape_undecodable(text))}: skipped: {reason}", err=True)
        result.append(path)
    return result


def use_color(output: str | None) -> bool:
    """Return True for colour on stdout: on a terminal or with ``FORCE_COLOR``, never with ``NO_COLOR``.

    Both follow their conventions (no-color.org, force-color.org): set and not empty. Output
    written to a file (``--output``) is never coloured.
    """
    if output not in (None, "-") or os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or sys.stdout.isatty()
