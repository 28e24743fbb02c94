"""Parts a scorecard makes once and shares (chart axes, values, the navigation, clean data) read as made fresh."""

from __future__ import annotations

from datetime import date
from types import MappingProxyType
from typing import Any

import pytest
from markupsafe import escape

from okrlint.report import charts
from okrlint.report.html import _LINKS, team_links
from okrlint.report.view import visible

Q4, Q1 = (date(2025, 10, 1), date(2025, 12, 31)), (date(2026, 1, 1), date(2026, 3, 31))
CHARTS: list[dict[str, Any]] = [
    {"points": [(date(2025, 10, 6), 10.0), (date(2025, 11, 3), 42.5)], "baseline": 0, "target": 100, "unit": "%"},
    {"points": [(date(2026, 1, 5), 10.0), (date(2026, 2, 2), 42.5)], "baseline": 0, "target": 100, "unit": "%"},
    {"points": [(date(2025, 10, 6), 0.0)], "baseline": 0.0, "target": 5, "unit": "ms"},
    {"points": [(date(2025, 10, 6), -0.0)], "baseline": -0.0, "target": 5, "unit": "ms"},
    {"points": [(date(2025, 10, 6), 1200.0)], "baseline": 1500, "target": 900, "unit": "<b>&"},
    {"points": [], "baseline": None, "target": None, "range_": (3.0, 7.0), "unit": ""},
    {"points": [(date(2025, 10, 6), 7.0)], "baseline": 7.0, "target": 7.0, "unit": "ms", "height": 300},
]


def _period(spec: dict[str, Any]) -> tuple[date, date]:
    return Q1 if any(d.year == 2026 for d, _ in spec["points"]) else Q4


def _fresh() -> None:
    for shared in (charts._laid_out, charts._time_axis, charts._formatted):
        shared.cache_clear()


def test_charts_drawn_after_others_are_the_charts_drawn_alone() -> None:
    together = [charts.kr_chart(start=_period(c)[0], end=_period(c)[1], **c) for c in CHARTS * 2]
    alone = []
    for spec in CHARTS * 2:
        _fresh()
        alone.append(charts.kr_chart(start=_period(spec)[0], end=_period(spec)[1], **spec))
    assert together == alone
    assert "Jan" in together[1] and "Jan" not in together[0]  # same ticks, another period: its own date axis


def test_negative_zero_keeps_its_sign_after_zero_was_formatted() -> None:
    assert charts._value(0.0, "ms") == "0 ms"
    assert charts._value(-0.0, "ms") == charts._unit_value(-0.0, "ms") == "-0 ms"
    assert charts._value(1200.0, "ms") == "1,200 ms"


def _reference(teams: list[dict[str, Any]], here: Any) -> str:
    """The navigation as one walk over the teams writes it."""
    lines = []
    for team in teams:
        mark = ' aria-current="page"' if team["id"] == here else ""
        lines.append(f'    <li><a href="{escape(team["page"])}"{mark}>{escape(team["name"])}</a></li>\n')
    return "".join(lines)


def _teams(*ids: str) -> list[dict[str, Any]]:
    return [{"id": i, "name": f"Team <{i}> & co", "page": f"{i}.html"} for i in ids]


@pytest.mark.parametrize("here", ["a", "b", "c", "missing"])
def test_team_links_mark_the_current_team_only(here: str) -> None:
    teams = _teams("a", "b", "c")
    assert str(team_links(teams, {"id": here})) == _reference(teams, here)


def test_team_links_follow_another_list_and_repeated_ids() -> None:
    first, second = _teams("a", "b"), _teams("b", "x", "b")
    assert str(team_links(first, {"id": "b"})) == _reference(first, "b")
    assert str(team_links(second, {"id": "b"})) == _reference(second, "b")  # both entries marked
    assert str(team_links(first, {"id": "a"})) == _reference(first, "a")
    assert _LINKS.teams is first


def test_visible_returns_clean_data_itself() -> None:
    data = {"teams": [{"id": "a", "name": "Zoë", "krs": [{"v": 1.5, "ok": True, "n": None}]}], "x": []}
    assert visible(data) is data


def test_visible_strips_deep_inside_and_copies_only_the_way_there() -> None:
    clean = {"name": "plain"}
    data: dict[str, Any] = {"teams": [clean, {"name": "pay\u202ements", "tags": ["ok", "x\u200by"]}], "n": 3}
    shown = visible(data)
    assert shown == {"teams": [clean, {"name": "payments", "tags": ["ok", "xy"]}], "n": 3}
    assert shown["teams"][0] is clean and data["teams"][1]["name"] == "pay\u202ements"


def test_visible_turns_tuples_and_other_mappings_into_lists_and_dicts() -> None:
    shown = visible({"range": (1, 2), "meta": MappingProxyType({"a": "b"})})
    assert shown == {"range": [1, 2], "meta": {"a": "b"}}
    assert type(shown["range"]) is list and type(shown["meta"]) is dict
