"""``okrlint report``: scorecards as JSON, Markdown or an HTML folder."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

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
)
from okrlint.lint.findings import Finding, Severity
from okrlint.report import DEFAULT_HTML_FOLDER, REPORT_FORMATS
from okrlint.reporters.text_format import finding_line
from okrlint.util.errors import UserError

if TYPE_CHECKING:
    from okrlint.config import Config
    from okrlint.engine.pages import CachedPages
    from okrlint.model.load import LoadedRepository


def _show_errors(findings: list[Finding]) -> None:
    """Name the broken parts on stderr: one line per error-level finding."""
    errors = [f for f in findings if f.severity >= Severity.ERROR]
    for f in errors:
        click.echo(finding_line(f), err=True)
    if errors:
        click.echo(
            f"okrlint: {len(errors)} error(s) in the input; the broken parts are left out of the report "
            "(run 'okrlint lint' for details)",
            err=True,
        )


def _report_data(
    loaded: LoadedRepository,
    config: Config,
    day: date,
    period: str | None,
    teams: tuple[str, ...],
    findings: list[Finding],
    with_history: bool,
    site: bool,
) -> tuple[dict[str, Any], Iterable[dict[str, Any]]]:
    """Return the chosen period's report data, ``with_history`` adding the history (``site``: other periods' data)."""
    from okrlint.report.data import period_data, score_report
    from okrlint.report.history import ScoredPeriod, add_history

    common: dict[str, Any] = {"root_team": config.root_team, "aspirational_goal": config.aspirational_goal}
    chosen, checkins, scores = score_report(loaded.repo, day, period=period, teams=teams, **common)
    data = period_data(
        loaded.repo, chosen, checkins, scores, root_team=config.root_team, findings=findings, omitted=loaded.omitted
    )
    if not with_history:
        return data, ()
    known = ScoredPeriod(chosen, checkins, tuple(scores))  # the history scores this period again only if it ended
    return data, add_history(data, loaded.repo, day, teams=teams, findings=findings, site=site, known=known, **common)


def _page_store(config: Config) -> CachedPages:
    """Return the cache of rendered team pages (the lint cache's ``pages`` layer)."""
    from okrlint.engine.cache import LintCache
    from okrlint.engine.pages import CachedPages

    return CachedPages(LintCache(config))


@click.command("report")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "format_",
    type=click.Choice(REPORT_FORMATS.names),
    default="html",
    show_default=True,
    help="Report format.",
)
@click.option(
    "--out",
    default=None,
    help=f"Where to write: a folder for html (default: {DEFAULT_HTML_FOLDER}/), a file or - for md/json "
    "(default: stdout).",
)
@click.option(
    "--period", default=None, help="Period to report on (default: the one containing --as-of, else the latest)."
)
@click.option("--team", "teams", multiple=True, help="Only this team (repeatable, or comma-separated).")
@as_of_option
@click.option(
    "--templates",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder of templates that replace built-in ones by file name.",
)
@click.option("--strict", is_flag=True, help="Exit 1 when the input has any error-level finding.")
@click.option("--summary", is_flag=True, help="Markdown: only the org summary (for $GITHUB_STEP_SUMMARY).")
@click.option(
    "--history",
    is_flag=True,
    help="json: add every period's scores and counts; md: print the history of every period instead of the "
    "scorecard (html always includes it).",
)
@config_option
@cache_option
@progress_option
def command(
    paths: tuple[str, ...],
    format_: str,
    out: str | None,
    period: str | None,
    teams: tuple[str, ...],
    as_of: date | None,
    templates: Path | None,
    strict: bool,
    summary: bool,
    history: bool,
    config_path: Path | None,
    cache: bool,
    progress: bool,
) -> int:
    """Render scorecards from OKRs and check-ins (default input: the configured paths)."""
    from okrlint.engine.run import load_with_engine
    from okrlint.lint.run import integrity_rules, lint_loaded
    from okrlint.lint.selection import Selection
    from okrlint.report.writers import WriteOptions

    config = load_config(config_path)
    if paths:
        config = replace(config, paths=tuple(str(p.resolve()) for p in existing_paths(paths, config.root)))
    if templates is not None and not templates.is_dir():
        raise UserError(f"{templates}: --templates must name an existing folder")
    day = today(as_of)
    with progress_for(progress, format_) as shown:
        loaded = load_with_engine(config, cache=cache, progress=shown)
        # The scorecard needs the model, not the judgement rules: only the E rules name its broken parts.
        # --strict asks about every error-level finding, so it runs the rules over the same model.
        selection = Selection(config.select, config.ignore)
        rules = selection.rules() if strict else integrity_rules(selection)
        findings = list(lint_loaded(loaded, config, day, rules, shown))
    site = format_ == "html"
    data, others = _report_data(loaded, config, day, period, split_list(teams), findings, history or site, site)
    pages = _page_store(config) if cache and site and templates is None else None
    options = WriteOptions(
        out,
        summary,
        templates,
        progress=progress and sys.stderr.isatty(),
        root=config.root,
        history=history,
        others=others,
        pages=pages,
    )
    REPORT_FORMATS.get(format_)(data, options)
    if pages is not None:
        pages.sweep()
    _show_errors(findings)
    return 1 if strict and any(f.severity >= Severity.ERROR for f in findings) else 0
