"""``okrlint init [DIR]``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from okrlint.commands.common import ISO_DATE, today
from okrlint.util.errors import UserError
from okrlint.util.text import escape_undecodable


@click.command("init")
@click.argument("directory", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite files that already exist.")
@click.option(
    "--fiscal-year-start-month",
    type=click.IntRange(1, 12),
    default=1,
    show_default=True,
    help="Month the fiscal year starts in; decides the current quarter.",
)
@click.option(
    "--as-of",
    type=ISO_DATE,
    default=None,
    help="Scaffold the quarter containing this date, with check-ins up to it (default: today).",
)
def command(directory: Path, force: bool, fiscal_year_start_month: int, as_of: date | None) -> int:
    """Scaffold a working example: org chart, KPIs, this quarter's OKRs, check-ins and hooks."""
    from okrlint.scaffold import existing_files, refuse_links, scaffold_files, write_files

    files = scaffold_files(today(as_of), fiscal_year_start_month)
    refuse_links(directory, files)
    clashes = existing_files(directory, files)
    if clashes and not force:
        raise UserError(f"{directory}: would overwrite {', '.join(clashes)}; pass --force to replace them")
    try:
        write_files(directory, files)
    except OSError as error:
        raise UserError(f"{error.filename or directory}: cannot write: {error.strerror or error}") from None
    shown = "" if directory == Path(".") else f" in {escape_undecodable(str(directory))}"
    click.echo(f"Created {len(files)} files{shown}:")
    for file in files:
        click.echo(f"  {file.path}")
    click.echo("Next: okrlint lint, then okrlint report --format html --out scorecard/")
    return 0
