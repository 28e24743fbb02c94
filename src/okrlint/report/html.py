"""Write the HTML scorecard: ``index.html`` and ``teams/<team>.html`` in a folder okrlint owns."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from markupsafe import Markup

from okrlint.report import charts
from okrlint.report.environment import Profile, environment_for, render_template
from okrlint.report.formatting import FILTERS, finite
from okrlint.report.view import build_view, projected_value
from okrlint.util.atomic import write_atomic
from okrlint.util.errors import UserError

__all__ = ["MARKER", "kpi_sparkline", "kr_chart", "write_html"]

MARKER = ".okrlint-report"
_MARKER_TEXT = "This folder was written by `okrlint report --format html`; okrlint replaces its pages on each run.\n"
_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*\Z")
_PROGRESS_MIN_PAGES = 20
Progress = Callable[[int, int], None]


def _day(raw: Any) -> date | None:
    """Parse an ISO date, or None."""
    try:
        return date.fromisoformat(str(raw)[:10])
    except ValueError:
        return None


def _point(kind: Any, raw: Any) -> float | None:
    """Return a check-in value to plot; milestones plot as percent done."""
    if kind == "milestone":
        done = 1.0 if raw is True else 0.0 if raw is False else finite(raw)
        return None if done is None else done * 100
    return finite(raw)


def kr_chart(kr: Mapping[str, Any], period: Mapping[str, Any], width: int = 560, height: int = 170) -> Markup:
    """Return the inline SVG chart of a KR's check-ins against baseline, target or range, and forecast."""
    start, end = _day(period.get("start")), _day(period.get("end"))
    if start is None or end is None:
        return Markup("")
    kind = kr.get("kind")
    points = [
        (d, v)
        for row in kr.get("checkins") or ()
        if (d := _day(row.get("date"))) is not None and (v := _point(kind, row.get("value"))) is not None
    ]
    projected = projected_value(kr)
    milestone = kind == "milestone"
    svg = charts.kr_chart(
        points,
        start=start,
        end=end,
        baseline=0.0 if milestone else finite(kr.get("baseline")),
        target=100.0 if milestone else finite(kr.get("target")),
        range_=kr.get("range"),
        forecast=(end, projected) if projected is not None and not milestone else None,
        unit="%" if milestone else str(kr.get("unit") or ""),
        title=f"Check-ins of {kr.get('title') or kr.get('id') or 'key result'}",
        width=width,
        height=height,
    )
    return Markup(svg)


def kpi_sparkline(kpi: Mapping[str, Any], width: int = 120, height: int = 28) -> Markup:
    """Return the inline SVG trend line of a KPI's measurements."""
    values = [row.get("value") for row in kpi.get("measurements") or ()]
    svg = charts.sparkline(values, width=width, height=height, title=str(kpi.get("name") or ""))
    return Markup(svg)


def write_html(
    data: dict[str, Any],
    out_dir: Path,
    *,
    templates: Path | None = None,
    progress: bool | Progress = False,
) -> None:
    """Render every page first, then write them atomically into ``out_dir`` and drop stale team pages.

    ``progress`` True shows a bar on stderr when it is a terminal and there are many team pages;
    a callable is called with (pages done, pages in all) instead.
    """
    env = environment_for(HTML, templates)
    view = build_view(data)
    teams = list({str(team.get("id")): team for team in view["teams"]}.values())
    for team in teams:
        if not _SLUG.match(str(team.get("id"))):
            raise UserError(f"team id {str(team.get('id'))[:60]!r} cannot name a page: ids are slugs like 'payments'")
    pages: dict[str, str] = {}
    with _ticker(progress, len(teams) + 1) as tick:
        pages["index.html"] = render_template(env, "index.html.j2", {**view, "root": "", "team": None})
        tick()
        for team in teams:
            context = {**view, "root": "../", "team": team}
            pages[f"teams/{team['id']}.html"] = render_template(env, "team.html.j2", context)
            tick()
    _write_pages(out_dir, pages)


HTML = Profile(filters=FILTERS, globals_={"kr_chart": kr_chart, "sparkline": kpi_sparkline})


def _write_pages(out_dir: Path, pages: Mapping[str, str]) -> None:
    """Claim the folder, write the pages inside it and remove team pages of an earlier run."""
    try:
        _claim(out_dir)
        base = out_dir.resolve()
        for name in pages:  # check every target before writing any, so a refusal leaves the folder as it was
            target = out_dir / name
            if not target.parent.resolve().is_relative_to(base):
                raise UserError(f"{target}: refusing to write outside {out_dir}")
        for name, text in pages.items():
            write_atomic(out_dir / name, text)
        teams_dir = out_dir / "teams"
        inside = teams_dir.is_dir() and teams_dir.resolve().is_relative_to(base)
        for old in sorted(teams_dir.glob("*.html")) if inside else ():
            if f"teams/{old.name}" not in pages and old.is_file() and not old.is_symlink():
                old.unlink()
    except OSError as error:
        where = error.filename or out_dir
        raise UserError(f"{where}: cannot write the HTML report: {error.strerror or error}") from None


def _claim(out_dir: Path) -> None:
    """Create ``out_dir`` with a marker file, or accept it if empty or marked; refuse anyone else's folder."""
    if out_dir.exists() and not out_dir.is_dir():
        raise UserError(f"{out_dir}: is a file; --out must name a folder for the HTML report")
    if out_dir.is_dir() and not (out_dir / MARKER).is_file() and any(out_dir.iterdir()):
        raise UserError(
            f"{out_dir}: folder is not empty and was not written by okrlint; "
            f"choose a new or empty folder (okrlint will not overwrite files it did not create)"
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    if not (out_dir / MARKER).is_file():
        write_atomic(out_dir / MARKER, _MARKER_TEXT)


@contextmanager
def _ticker(progress: bool | Progress, total: int) -> Iterator[Callable[[], None]]:
    """Yield a function to call once per page; it drives the callback or a progress bar on stderr."""
    done = 0
    if callable(progress):

        def step() -> None:
            nonlocal done
            done += 1
            progress(done, total)

        yield step
        return
    if not progress or total < _PROGRESS_MIN_PAGES or not sys.stderr.isatty():
        yield lambda: None
        return
    import click

    with click.progressbar(length=total, label="Rendering pages", file=sys.stderr) as bar:
        yield lambda: bar.update(1)
