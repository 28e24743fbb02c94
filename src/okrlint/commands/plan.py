"""``okrlint plan PERIOD``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from okrlint.commands.common import as_of_option, config_option, load_config, today
from okrlint.util.errors import UserError


@click.command("plan")
@click.argument("period")
@click.option("--team", "teams", multiple=True, help="Plan only this team (repeatable; default: every team).")
@click.option("--dry-run", is_flag=True, help="Print the OKR sets instead of writing them.")
@as_of_option
@config_option
def command(period: str, teams: tuple[str, ...], dry_run: bool, as_of: date | None, config_path: Path | None) -> int:
    """Propose PERIOD's OKR sets from each team's previous ones: open KRs carried, done ones dropped."""
    from okrlint.engine.run import load_with_engine
    from okrlint.fix.plan import plan_sets
    from okrlint.model.periods import parse_period_id
    from okrlint.util.atomic import write_atomic
    from okrlint.util.output import refuse_links

    config = load_config(config_path)
    parsed = parse_period_id(period, config.fiscal_year_start_month)
    if parsed is None:
        raise UserError(f"{period!r} is not a period: write YYYY-Qn (2027-Q1), YYYY-Hn or YYYY")
    repo = load_with_engine(config).repo
    planned = plan_sets(repo, config, parsed, teams, today(as_of))
    if dry_run:
        click.echo("\n".join(f"==> {p.path} <==\n{p.text}" for p in planned), nl=False)
        return 0
    targets = [(config.root / p.path, p) for p in planned]
    clashes = [p.path for target, p in targets if target.exists() or target.is_symlink()]
    if clashes:
        raise UserError(f"would overwrite {', '.join(clashes)}; nothing written")
    for target, _ in targets:
        refuse_links(target, config.root)  # a committed link must not take the write out of the repository
    for target, p in targets:
        write_atomic(target, p.text)
    click.echo(f"Wrote {len(planned)} OKR set{'s' if len(planned) != 1 else ''} for {period}:")
    for p in planned:
        click.echo(f"  {p.path} (from {p.source})")
    click.echo("Next: review the carried key results and targets, then okrlint lint")
    return 0
