"""``okrlint checkin REF VALUE``: append one check-in row to the right log."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from okrlint.commands.common import ISO_DATE, config_option, load_config
from okrlint.util.text import escape_undecodable


@click.command("checkin", context_settings={"ignore_unknown_options": True})
@click.argument("ref")
@click.argument("value")
@click.option("--date", "day", type=ISO_DATE, default=None, help="Day of the value (default: today).")
@click.option("--confidence", default=None, help="How likely the KR is to be reached, 0 to 1.")
@click.option("--note", default=None, help="A short comment.")
@click.option("--author", default=None, help="Who reports it, e.g. an email address.")
@config_option
def command(
    ref: str,
    value: str,
    day: date | None,
    confidence: str | None,
    note: str | None,
    author: str | None,
    config_path: Path | None,
) -> int:
    """Record VALUE for REF (team/objective/kr, or kpi:ID for a KPI measurement).

    The row goes to the log that already holds rows of that OKR set (or KPI), else to
    checkins/<team>.yaml beside the OKR set (checkins/kpis.yaml beside the KPI catalogue).
    Nothing changes when anything is wrong (exit 2). A negative VALUE works as is (-5).
    """
    from okrlint.checkin.plan import Request, plan_checkin
    from okrlint.checkin.write import apply_plan
    from okrlint.model.load import load_repository, source_files

    config = load_config(config_path)
    request = Request(ref, value, day or date.today(), confidence, note, author)
    plan = plan_checkin(load_repository(config, source_files(config)), config, request)
    created = apply_plan(plan, config.root, max_bytes=config.max_file_bytes)
    shown = plan.row["value"]
    shown_text = str(shown).lower() if isinstance(shown, bool) else str(shown)
    click.echo(
        f"{escape_undecodable(plan.rel)}: {'created with' if created else 'added'} {plan.subject} = {shown_text} "
        f"on {request.day.isoformat()}"
    )
    return 0
