"""Render the GitHub-flavoured Markdown scorecard (full, or a compact summary for PR comments)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from markupsafe import Markup

from okrlint.report.environment import Profile, environment_for, render_template
from okrlint.report.formatting import FILTERS, finite
from okrlint.report.history_view import history_view
from okrlint.report.view import build_view
from okrlint.util.markdown import escape_markdown
from okrlint.util.text import shorten

__all__ = ["SUMMARY_LIMIT", "md_escape", "render_history_markdown", "render_markdown", "spark", "text_bar"]

# GitHub refuses comments over 65,536 characters; keep room for text a workflow adds around ours.
SUMMARY_LIMIT = 60_000
_SUMMARY_TEAMS = 200
_SUMMARY_ATTENTION = 25
_SUMMARY_TITLE = 80

_STATUS_EMOJI = {
    "done": "✅",
    "on-track": "🟢",
    "at-risk": "🟡",
    "off-track": "🔴",
    "no-data": "⚪",
    "healthy": "🟢",
    "breached": "🔴",
}
_GRADE_EMOJI = {"green": "🟢", "yellow": "🟡", "red": "🔴"}
_SPARKS = "▁▂▃▄▅▆▇█"


def md_escape(raw: Any, newline: str = " ") -> Markup:
    """Escape text from YAML for Markdown with okrlint's one escaper (:func:`okrlint.util.markdown.escape_markdown`).

    The result cannot break a table cell, start a block (heading, list, quote), inject HTML, link
    or mention anyone. ``newline`` replaces line breaks: a space (default) or ``<br>`` in table cells.
    """
    if isinstance(raw, Markup):
        return raw
    return Markup(escape_markdown(raw, newline))


def _finalize(raw: Any) -> Any:
    """Escape every string a Markdown template prints unless a filter already made it Markdown."""
    return raw if isinstance(raw, Markup) or not isinstance(raw, str) else md_escape(raw)


def text_bar(score: Any, width: int = 10) -> Markup:
    """Draw a 0..1 score as a text bar ``███░░░░░░░``; no score gives an empty bar."""
    s = finite(score)
    filled = 0 if s is None else round(min(1.0, max(0.0, s)) * width)
    return Markup("█" * filled + "░" * (width - filled))


def spark(values: Any) -> Markup:
    """Draw numbers as a one-line text sparkline ``▁▃▅█`` (empty when fewer than two)."""
    nums = [v for raw in values or () if (v := finite(raw)) is not None]
    if len(nums) < 2:
        return Markup("")
    lo, hi = min(nums), max(nums)
    steps = len(_SPARKS) - 1
    return Markup("".join(_SPARKS[round((v - lo) / (hi - lo) * steps) if hi > lo else steps // 2] for v in nums))


def status_emoji(status: Any) -> Markup:
    """Return the emoji of a KR status or KPI health (words go next to it, never alone)."""
    return Markup(_STATUS_EMOJI.get(str(status), "⚪"))


def grade_emoji(grade: Any) -> Markup:
    """Return the emoji of a grade."""
    return Markup(_GRADE_EMOJI.get(str(grade), "⚪"))


def short(raw: Any, limit: int = _SUMMARY_TITLE) -> str:
    """Cut text to ``limit`` characters with an ellipsis (before escaping, so escapes stay whole)."""
    return shorten(str("" if raw is None else raw), limit)


_MD_FILTERS: dict[str, Callable[..., Any]] = {
    **FILTERS,
    "md": md_escape,
    "bar": text_bar,
    "spark": spark,
    "status_emoji": status_emoji,
    "grade_emoji": grade_emoji,
    "short": short,
}


MARKDOWN = Profile(filters=_MD_FILTERS, finalize=_finalize)


def render_markdown(data: dict[str, Any], *, summary: bool = False, templates: Path | None = None) -> str:
    """Render the report data as GitHub-flavoured Markdown with ``report.md.j2``."""
    env = environment_for(MARKDOWN, templates)
    view = build_view(data)
    if not summary:
        return render_template(env, "report.md.j2", {**view, "summary": None})
    attention = _attention(view)
    teams, shown = min(len(view["teams"]), _SUMMARY_TEAMS), min(len(attention), _SUMMARY_ATTENTION)
    while True:
        context = {**view, "summary": _summary(view, attention, teams, shown)}
        text = render_template(env, "report.md.j2", context)
        if len(text) <= SUMMARY_LIMIT or (teams == 0 and shown == 0):
            return text
        if shown:
            shown //= 2
        else:
            teams //= 2


def render_history_markdown(data: dict[str, Any], *, templates: Path | None = None) -> str:
    """Render the history of every period in the report data as Markdown with ``history.md.j2``."""
    env = environment_for(MARKDOWN, templates)
    return render_template(env, "history.md.j2", {**build_view(data), **history_view(data)})


def _attention(view: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Return the KRs that need attention, off-track first, each with its team and objective."""
    order = {"off-track": 0, "at-risk": 1}
    rows = [
        {"team": team, "objective": objective, "kr": kr}
        for team in view["teams"]
        for objective in team["objectives"]
        for kr in objective["key_results"]
        if kr["status"] in order
    ]
    rows.sort(key=lambda row: (order[row["kr"]["status"]], finite(row["kr"].get("score")) or 0.0))
    return rows


def _summary(view: Mapping[str, Any], attention: list[dict[str, Any]], teams: int, shown: int) -> dict[str, Any]:
    """Describe what the compact version shows and what it leaves out."""
    return {
        "teams": view["teams"][:teams],
        "teams_left_out": len(view["teams"]) - teams,
        "attention": attention[:shown],
        "attention_total": len(attention),
        "attention_left_out": len(attention) - shown,
        "kr_total": view["org"]["kr_total"],
        "kpi_total": len(view["kpis"]),
    }
