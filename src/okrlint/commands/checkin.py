"""``okrlint checkin REF VALUE``: append one check-in row to the right log."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from okrlint.commands.common import ISO_DATE, config_option, load_config, today
from okrlint.util.text import escape_undecodable


@click.command("checkin", context_settings={"ignore_unknown_options": True})
@click.argument("ref")
@click.argument("value")
@click.option("--date", "day", type=ISO_DATE, default=None, help="Day of the value (default: today).")
@click.option("--confidence", default=None, help="How likely the KR is to be reached, 0 to 1.")
@click.option("--note", default=None, help="A short comment.")
@click.option("--author", default=None, help="Who reports it, e.g. an email address.")
@click.option(
    "--replace", "replace_row", is_flag=True, help="Replace the row of the same KR (or KPI) and day in place."
)
@config_option
def command(
    ref: str,
    value: str,
    day: date | None,
    confidence: str | None,
    note: str | None,
    author: str | None,
    replace_row: bool,
    config_path: Path | None,
) -> int:
    """Record VALUE for REF (team/objective/kr, or kpi:ID for a KPI measurement).

    The row goes to the log that already holds rows of that OKR set (or KPI), else to
    checkins/<team>.yaml beside the OKR set (checkins/kpis.yaml beside the KPI catalogue).
    A second value for the same KR (or KPI) and day is refused unless --replace; a date
    after today is refused. Nothing changes when anything is wrong (exit 2). A negative
    VALUE works as is (-5). Prints the row written and where: path:line.
    """
    from okrlint.checkin.plan import Request, plan_checkin
    from okrlint.checkin.write import write_checkin
    from okrlint.model.load import load_repository
    from okrlint.model.sources import source_files

    config = load_config(config_path)
    now = today(None)
    request = Request(ref, value, day or now, confidence, note, author, replace=replace_row)
    plan = plan_checkin(load_repository(config, source_files(config)), config, request, today=now)
    written = write_checkin(plan, config.root, max_bytes=config.max_file_bytes)
    what = "replaced the row with" if written.replaced else "created the log with" if written.created else "added"
    click.echo(f"{escape_undecodable(plan.rel)}:{written.line}: {what} {escape_undecodable(written.row)}")
    return 0
