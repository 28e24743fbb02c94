"""``okrlint lint``."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import click

from okrlint import __version__
from okrlint.commands.common import (
    as_of_option,
    cache_option,
    config_option,
    existing_paths,
    load_config,
    split_list,
    today,
    use_color,
)
from okrlint.config import find_config
from okrlint.engine.run import lint_repository
from okrlint.lint.catalogue import unknown_selectors
from okrlint.lint.findings import Severity
from okrlint.lint.run import Selection
from okrlint.reporters import FORMATS, ReportOptions, get_reporter
from okrlint.util.errors import UserError
from okrlint.util.output import write_output


def _config_near(paths: tuple[str, ...]) -> Path | None:
    """Return the configuration file nearest to the passed files' common folder, if any.

    pre-commit runs hooks from the repository top level; a project whose ``.okrlint.yaml``
    sits in a subfolder is still found from the files it passes. Without one, discovery
    falls back to the current folder (then the git top level, then the folder itself).
    """
    if not paths:
        return None
    folders = [path if path.is_dir() else path.parent for path in (Path(text).absolute() for text in paths)]
    try:
        common = Path(os.path.commonpath(folders))
    except ValueError:
        return None
    return find_config(common)


@click.command("lint")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "format_",
    type=click.Choice(["auto", *FORMATS]),
    default="auto",
    show_default=True,
    help="Output format; auto is github under GitHub Actions, else text.",
)
@click.option("--select", multiple=True, help="Rules to run: codes, names or prefixes (replaces the config).")
@click.option("--ignore", multiple=True, help="Rules to skip: codes, names or prefixes (adds to the config).")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default=None,
    help="Lowest severity that makes the exit code 1 (default: config, else error).",
)
@as_of_option
@config_option
@click.option("--output", "-o", default=None, help="Write the report to this file instead of stdout.")
@cache_option
def command(
    paths: tuple[str, ...],
    format_: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    as_of: date | None,
    config_path: Path | None,
    output: str | None,
    cache: bool,
) -> int:
    """Lint OKR, KPI, check-in and team files (default: the configured paths)."""
    config = load_config(config_path or _config_near(paths))
    chosen_select = split_list(select) or config.select
    chosen_ignore = config.ignore + split_list(ignore)
    errors = unknown_selectors((*chosen_select, *chosen_ignore))
    if errors:
        raise UserError("; ".join(errors))
    only = existing_paths(paths) if paths else None
    result = lint_repository(config, today(as_of), Selection(chosen_select, chosen_ignore), only, cache=cache)
    if format_ == "auto":
        format_ = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    renderer = get_reporter(format_)
    write_output(renderer(result, ReportOptions(color=use_color(output), version=__version__)), output, config.root)
    threshold = Severity.parse(fail_on) if fail_on else config.fail_on
    worst = result.worst()
    return 1 if worst is not None and worst >= threshold else 0
