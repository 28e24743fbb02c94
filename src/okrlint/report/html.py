"""Write the HTML scorecard: ``index.html`` and ``teams/<team>.html`` in a folder okrlint owns."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from okrlint.report import charts
from okrlint.report.environment import Profile, environment_for, render_template
from okrlint.report.formatting import FILTERS, finite
from okrlint.report.history_chart import score_chart
from okrlint.report.history_view import history_view, period_links
from okrlint.report.pagecache import PageStore
from okrlint.report.pagewriter import PageWriter, guard
from okrlint.report.view import build_view, projected_value, visible
from okrlint.util.atomic import write_atomic
from okrlint.util.errors import UserError

__all__ = ["MARKER", "history_chart", "kpi_sparkline", "kr_chart", "write_html"]

MARKER = ".okrlint-report"
_MARKER_TEXT = "This folder was written by `okrlint report --format html`; okrlint replaces its pages on each run.\n"
_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*\Z")
_PROGRESS_MIN_PAGES = 20
Progress = Callable[[int, int], None]


def _day(raw: Any) -> date | None:
    """Parse an ISO date, or None."""
    return _iso_day(str(raw)[:10])


@lru_cache(maxsize=4096)  # a scorecard's check-ins fall on a few dozen days
def _iso_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
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


def team_links(teams: Sequence[Mapping[str, Any]], current: Mapping[str, Any]) -> Markup:
    """Return the team navigation's list items, one line each, ``current``'s marked as the page shown.

    Every team page lists every team: the escaped lines are joined once per list of teams, and
    each page only splices the mark into its own line (a page costs no walk over the other teams).
    """
    return Markup(_LINKS.get(teams).marked(current["id"]))


class _LinkLines:
    """The escaped navigation of the last list of teams asked for (a site renders one period at a time)."""

    def __init__(self) -> None:
        self.teams: Sequence[Mapping[str, Any]] | None = None
        self.text = ""
        self.marks: dict[Any, list[int]] = {}  # team id -> where in ``text`` its link's start tag ends

    def get(self, teams: Sequence[Mapping[str, Any]]) -> _LinkLines:
        """Return the navigation of ``teams`` (made again only when the list is another one)."""
        if teams is not self.teams:
            parts: list[str] = []
            marks: dict[Any, list[int]] = {}
            size = 0
            for team in teams:
                head = f'    <li><a href="{escape(team["page"])}"'
                tail = f">{escape(team['name'])}</a></li>\n"
                marks.setdefault(team["id"], []).append(size + len(head))
                parts += (head, tail)
                size += len(head) + len(tail)
            self.text, self.marks, self.teams = "".join(parts), marks, teams
        return self

    def marked(self, here: Any) -> str:
        """Return the navigation with ``aria-current`` on the link of team ``here``."""
        cuts = self.marks.get(here, ())
        pieces: list[str] = []
        start = 0
        for cut in cuts:
            pieces += (self.text[start:cut], ' aria-current="page"')
            start = cut
        return "".join(pieces) + self.text[start:] if pieces else self.text


_LINKS = _LinkLines()


def history_chart(
    labels: Sequence[str], scores: Sequence[Any], title: str, width: int = 560, height: int = 150
) -> Markup:
    """Return the inline SVG chart of scores across periods."""
    return Markup(score_chart(labels, scores, title=title, width=width, height=height))


def write_html(
    data: dict[str, Any],
    out_dir: Path,
    *,
    templates: Path | None = None,
    progress: bool | Progress = False,
    others: Iterable[Mapping[str, Any]] = (),
    store: PageStore | None = None,
) -> None:
    """Render and write the current period's pages (and ``history.html``) one by one, then the others'.

    ``data`` is the current period (top level); ``others`` (read one at a time, so a long
    history never sits in memory at once) are the report data of the other periods in
    ``data["periods"]``, each written to its ``periods/<id>/`` folder. ``data["history"]``,
    when present, gives ``history.html``. The index page is rendered before the folder is
    touched (a broken template changes nothing); each team page is written as soon as it is
    rendered, and only one is held at a time. Pages of an earlier run that this one did not
    write are removed at the end. ``store`` keeps team pages between runs (never with ``templates``).
    ``progress`` True shows a bar on stderr when it is a terminal and there are many pages;
    a callable is called with (pages done, pages in all) instead.
    """
    env = environment_for(HTML, templates)
    pages = PageWriter(env, out_dir, store if templates is None else None)
    links = period_links(data)
    folders = {p["id"]: p["path"] for p in links}
    current = _period_view(data, links)
    history = data.get("history")
    total = sum(len(e.get("teams") or ()) + 1 for e in history) + 1 if history else len(current["teams"]) + 1
    with _ticker(progress, total) as tick:
        pages.tick = tick
        first = {"index.html": render_template(env, "index.html.j2", _index_context(current, ""))}
        if history is not None:
            context = {**current, **history_view(data), "root": "", "site": "", "team": None, "history_page": True}
            first["history.html"] = render_template(env, "history.html.j2", context)
        # the first team page too: a broken team template fails before the folder is touched
        first.update(pages.team_page(current, "", 0) for _ in current["teams"][:1])
        names = [*first, *(f"teams/{team['id']}.html" for team in current["teams"])]
        pages.base = _prepare(out_dir, [*names, *(f"{folder}teams/x.html" for folder in folders.values() if folder)])
        for name, text in first.items():
            pages.write(name, text)
        pages.write_team_pages(current, "", start=min(1, len(current["teams"])))
        for other in others:
            folder = folders.get(visible(other["period"]["id"]))
            if folder:
                view = _period_view(other, links)
                pages.period(view, folder, _index_context(view, folder))
    guard(out_dir, lambda: _drop_stale(out_dir, pages.base, pages.written))


def _period_view(data: Mapping[str, Any], links: list[dict[str, Any]]) -> dict[str, Any]:
    """Return one period's template context, its team ids checked, with the site's period links."""
    view = build_view(data)
    view["teams"] = list({str(team.get("id")): team for team in view["teams"]}.values())
    for team in view["teams"]:
        if not _SLUG.match(str(team.get("id"))):
            raise UserError(f"team id {str(team.get('id'))[:60]!r} cannot name a page: ids are slugs like 'payments'")
    return {**view, "periods": links}


def _index_context(view: dict[str, Any], prefix: str) -> dict[str, Any]:
    """Return the context of a period's index page under ``prefix``."""
    return {**view, "root": "", "site": "../" * prefix.count("/"), "team": None, "history_page": False}


HTML = Profile(
    filters=FILTERS,
    globals_={"kr_chart": kr_chart, "sparkline": kpi_sparkline, "score_chart": history_chart, "team_links": team_links},
)


def _prepare(out_dir: Path, names: Iterable[str]) -> Path:
    """Claim the folder and check every target's folder before writing any, so a refusal leaves it as it was."""

    def check() -> Path:
        _claim(out_dir)
        base = out_dir.resolve()
        for name in names:
            target = out_dir / name
            if not target.parent.resolve().is_relative_to(base):
                raise UserError(f"{target}: refusing to write outside {out_dir}")
        return base

    result: Path = guard(out_dir, check)
    return result


def _drop_stale(out_dir: Path, base: Path, pages: Container[str]) -> None:
    """Remove the team pages and period pages of an earlier run that this run did not write."""
    periods_dir = out_dir / "periods"
    folders = [out_dir / "teams"]
    if periods_dir.is_dir() and not periods_dir.is_symlink():
        for folder in sorted(periods_dir.iterdir()):
            if folder.is_dir() and not folder.is_symlink():
                folders += [folder, folder / "teams"]
    for folder in folders:
        if not folder.is_dir() or folder.is_symlink() or not folder.resolve().is_relative_to(base):
            continue
        for old in sorted(folder.glob("*.html")):
            name = old.relative_to(out_dir).as_posix()
            if name not in pages and old.is_file() and not old.is_symlink():
                old.unlink()


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
