"""``okrlint report``: scorecards as JSON, Markdown or an HTML folder."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
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
    split_list,
    today,
    write_output,
)
from okrlint.lint.findings import Finding, Severity
from okrlint.reporters.text_format import finding_line
from okrlint.util.errors import UserError

if TYPE_CHECKING:
    from okrlint.config import Config
    from okrlint.model.repository import Repository

DEFAULT_HTML_FOLDER = "scorecard"


def render_json(data: dict[str, Any]) -> str:
    """Return the report data as indented JSON text with a final newline."""
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def _write_markdown(
    data: dict[str, Any], out: str | None, summary: bool, templates: Path | None, history: bool = False
) -> None:
    try:
        from okrlint.report.markdown import render_history_markdown, render_markdown
    except ImportError as error:
        raise UserError(f"--format md is not available in this installation ({error})") from None
    if history:
        write_output(render_history_markdown(data, templates=templates), out)
    else:
        write_output(render_markdown(data, summary=summary, templates=templates), out)


def _write_html(
    data: dict[str, Any], others: Iterable[dict[str, Any]], out: str | None, templates: Path | None
) -> None:
    try:
        from okrlint.report.html import write_html
    except ImportError as error:
        raise UserError(f"--format html is not available in this installation ({error})") from None
    if out == "-":
        raise UserError("--format html writes a folder: give --out FOLDER, not '-'")
    folder = Path(out or DEFAULT_HTML_FOLDER)
    if folder.exists() and not folder.is_dir():
        raise UserError(f"{folder}: --out for --format html must be a folder, and this is a file")
    write_html(data, folder, templates=templates, progress=sys.stderr.isatty(), others=others)


def _add_history(
    data: dict[str, Any],
    repo: Repository,
    day: date,
    config: Config,
    teams: Sequence[str],
    findings: list[Finding],
    *,
    site: bool,
) -> Iterable[dict[str, Any]]:
    """Add every period's history to ``data``; for the HTML site, return the other periods' report data (lazily)."""
    from okrlint.report.history import build_history, period_reports, score_periods

    goal, root = config.aspirational_goal, config.root_team
    scored = score_periods(repo, day, root_team=root, aspirational_goal=goal, teams=teams)
    current = data["period"]["id"]
    data.update(build_history(repo, scored, current, aspirational_goal=goal))
    if not site:
        return ()
    return period_reports(repo, [s for s in scored if s.period.id != current], root_team=root, findings=findings)


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


@click.command("report")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "format_",
    type=click.Choice(["html", "md", "json"]),
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
) -> int:
    """Render scorecards from OKRs and check-ins (default input: the configured paths)."""
    from okrlint.engine.run import load_with_engine
    from okrlint.lint.run import Selection, integrity_rules, lint_loaded
    from okrlint.report.data import build_report_data

    config = load_config(config_path)
    if paths:
        config = replace(config, paths=tuple(str(p.resolve()) for p in existing_paths(paths)))
    if templates is not None and not templates.is_dir():
        raise UserError(f"{templates}: --templates must name an existing folder")
    day = today(as_of)
    loaded = load_with_engine(config, cache=cache)
    # The scorecard needs the model, not the judgement rules: only the E rules name its broken parts.
    # --strict asks about every error-level finding, so it runs the rules over the same model.
    selection = Selection(config.select, config.ignore)
    rules = selection.rules() if strict else integrity_rules(selection)
    findings = list(lint_loaded(loaded, config, day, rules))
    data = build_report_data(
        loaded.repo,
        day,
        root_team=config.root_team,
        aspirational_goal=config.aspirational_goal,
        period=period,
        teams=split_list(teams),
        findings=findings,
    )
    others: Iterable[dict[str, Any]] = ()
    if history or format_ == "html":
        others = _add_history(data, loaded.repo, day, config, split_list(teams), findings, site=format_ == "html")
    if format_ == "json":
        write_output(render_json(data), out)
    elif format_ == "md":
        _write_markdown(data, out, summary, templates, history)
    else:
        _write_html(data, others, out, templates)
    _show_errors(findings)
    return 1 if strict and any(f.severity >= Severity.ERROR for f in findings) else 0
