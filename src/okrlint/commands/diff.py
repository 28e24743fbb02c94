"""``okrlint diff BASE [HEAD]``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from okrlint.commands.common import as_of_option, config_option, load_config, today
from okrlint.diff import DIFF_FORMATS
from okrlint.util.output import write_output


@click.command("diff")
@click.argument("base")
@click.argument("head", required=False)
@click.option(
    "--format",
    "format_",
    type=click.Choice(DIFF_FORMATS.names),
    default="md",
    show_default=True,
    help="md: a pull-request comment; json: the changes and new findings, for scripts.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default=None,
    help="Lowest severity of a new finding that makes the exit code 1 (default: config, else error).",
)
@as_of_option
@config_option
@click.option("--output", "-o", default=None, help="Write the diff to this file instead of stdout.")
def command(
    base: str,
    head: str | None,
    format_: str,
    fail_on: str | None,
    as_of: date | None,
    config_path: Path | None,
    output: str | None,
) -> int:
    """Show what a change does to the OKRs between git revisions BASE and HEAD (default: the working tree)."""
    from okrlint.diff.compare import diff_revisions
    from okrlint.engine.run import engine_loader
    from okrlint.lint.findings import Severity
    from okrlint.lint.selection import Selection

    config = load_config(config_path)
    selection = Selection(config.select, config.ignore)
    result = diff_revisions(config, base, head, today(as_of), selection, engine_loader())
    write_output(DIFF_FORMATS.get(format_)(result), output, config.root)
    threshold = Severity.parse(fail_on) if fail_on else config.fail_on
    return 1 if any(f.severity >= threshold for f in result.new_findings) else 0
