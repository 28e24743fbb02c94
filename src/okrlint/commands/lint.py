"""``okrlint lint``."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import click

from okrlint import __version__
from okrlint.commands.common import (
    as_of_option,
    cache_option,
    config_option,
    existing_paths,
    load_config,
    progress_for,
    progress_option,
    split_list,
    today,
    use_color,
)
from okrlint.config import Config, find_config
from okrlint.engine.run import lint_repository
from okrlint.lint.catalogue import unknown_selectors
from okrlint.lint.findings import FIXABLE, Severity
from okrlint.lint.result import LintResult
from okrlint.lint.selection import Selection
from okrlint.reporters import FORMATS, ReportOptions, get_reporter
from okrlint.util.errors import UserError
from okrlint.util.output import write_output
from okrlint.util.text import plural

if TYPE_CHECKING:
    from okrlint.fix.apply import FileEdit


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


def _check_stdin(paths: tuple[str, ...], stdin_filename: str | None) -> None:
    """Refuse ``-`` without ``--stdin-filename``, mixed with other paths, or the option without ``-``."""
    if "-" in paths and stdin_filename is None:
        raise UserError("lint -: pass --stdin-filename PATH to say which file of the repository the text on stdin is")
    if stdin_filename is not None and paths != ("-",):
        raise UserError("--stdin-filename goes with the single path - (the text comes from stdin)")


MAX_FIX_ROUNDS = 5


def _run_fixes(result: LintResult, config: Config, unsafe: bool, show_diff: bool, output: str | None) -> list[FileEdit]:
    """Apply (or with ``show_diff`` print) the fixes; return the edits that change (would change) a file."""
    from okrlint.fix.apply import plan_fixes, write_edits  # only --fix and --diff need the fixer
    from okrlint.util.text import printable

    edits = plan_fixes(result.findings, config, unsafe)
    for edit in edits:
        for finding, reason in edit.refused:
            where = f"{finding.path}:{finding.line}:{finding.column}"
            click.echo(printable(f"okrlint: not fixed: {where}: {finding.code}: {reason}"), err=True)
    changed = [edit for edit in edits if edit.changed]
    if show_diff:
        write_output("".join(edit.diff() for edit in changed), output, config.root)
    else:
        write_edits(changed)
    return changed


def _fix_rounds(result: LintResult, config: Config, unsafe: bool, relint: Callable[[], LintResult]) -> LintResult:
    """Fix until nothing more changes (a fix can make another possible); return the last lint result."""
    fixed, files = 0, set()
    for _ in range(MAX_FIX_ROUNDS):
        changed = _run_fixes(result, config, unsafe, False, None)
        if not changed:
            break
        fixed += sum(len(edit.fixed) for edit in changed)
        files |= {edit.rel for edit in changed}
        result = relint()
    click.echo(f"Fixed {plural(fixed, 'problem')} in {plural(len(files), 'file')}.", err=True)
    return result


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
@click.option(
    "--stdin-filename",
    default=None,
    help="With the path -: lint the text on stdin as if it were this file of the repository (editors).",
)
@click.option("--statistics", is_flag=True, help="Print one line per code with its count instead of the findings.")
@click.option("--quiet", "-q", is_flag=True, help="Print only the findings, no summary line.")
@click.option("--fix", is_flag=True, help="Apply the safe fixes, then report what remains.")
@click.option("--unsafe-fixes", is_flag=True, help="Offer and apply the unsafe fixes too.")
@click.option(
    "--diff", "show_diff", is_flag=True, help="Print what --fix would change as a unified diff; write nothing."
)
@cache_option
@progress_option
def command(
    paths: tuple[str, ...],
    format_: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    as_of: date | None,
    config_path: Path | None,
    output: str | None,
    stdin_filename: str | None,
    statistics: bool,
    quiet: bool,
    cache: bool,
    fix: bool,
    unsafe_fixes: bool,
    show_diff: bool,
    progress: bool,
) -> int:
    """Lint OKR, KPI, check-in and team files (default: the configured paths)."""
    _check_stdin(paths, stdin_filename)
    if statistics and format_ not in ("auto", "text"):
        raise UserError(f"--statistics prints counts as text; it cannot be combined with --format {format_}")
    config = load_config(config_path or _config_near((stdin_filename,) if stdin_filename else paths))
    chosen_select = split_list(select) or config.select
    chosen_ignore = config.ignore + split_list(ignore)
    errors = unknown_selectors((*chosen_select, *chosen_ignore))
    if errors:
        raise UserError("; ".join(errors))
    if format_ == "auto":
        format_ = "github" if os.environ.get("GITHUB_ACTIONS") == "true" and not statistics else "text"
    selection = Selection(chosen_select, chosen_ignore)
    if stdin_filename is not None:
        if fix or show_diff:
            raise UserError("--fix and --diff edit files; they cannot be combined with - (stdin)")
        from okrlint.lint.run import lint_text

        content = sys.stdin.buffer.read()
        result = lint_text(config, today(as_of), selection, Path(stdin_filename), content)
    else:
        only = existing_paths(paths, config.root) if paths else None
        with progress_for(progress, format_) as shown:
            result = lint_repository(config, today(as_of), selection, only, cache=cache, progress=shown)
    if show_diff:
        changed = _run_fixes(result, config, unsafe_fixes, True, output)
        count = sum(len(edit.fixed) for edit in changed)
        click.echo(f"Would fix {plural(count, 'problem')} in {plural(len(changed), 'file')}.", err=True)
        return 1 if changed else 0
    if fix:
        relint = partial(lint_repository, config, today(as_of), selection, only, cache=cache)
        result = _fix_rounds(result, config, unsafe_fixes, relint)
    if any(f.code in FIXABLE for f in result.findings):  # a clean run never imports the fixer
        from okrlint.fix.apply import with_fixes

        result = replace(result, findings=with_fixes(result.findings, config))
    renderer = get_reporter(format_)
    options = ReportOptions(use_color(output), __version__, unsafe_fixes, statistics=statistics, quiet=quiet)
    write_output(renderer(result, options), output, config.root)
    threshold = Severity.parse(fail_on) if fail_on else config.fail_on
    worst = result.worst()
    return 1 if worst is not None and worst >= threshold else 0
