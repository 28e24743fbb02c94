"""Derive what scorecards show (status counts, last check-ins, alignment tree) from the report data."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from okrlint import __version__
from okrlint.report.formatting import finite, percent, value
from okrlint.util.quantum import quantum, to_quantum

__all__ = ["build_view", "kr_values", "visible"]

_MAX_TREE_DEPTH = 40
# Invisible characters that can make shown text differ from what it says ("Trojan Source"):
# bidi embeddings, overrides and isolates, zero-width space, word joiner, invisible operators, BOM.
_INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069\u200b\u2060-\u2064\ufeff]")


def visible(raw: Any) -> Any:
    """Return ``raw`` with every string inside it stripped of bidi controls and zero-width characters.

    A dict or list with nothing to strip is returned itself: the report is not held twice.
    """
    kind = type(raw)
    if kind is dict or kind is list:  # most of a report: look for something to strip before copying anything
        for item in raw.values() if kind is dict else raw:
            of = type(item)
            if not (of in _PLAIN or (of is str and item.isascii()) or visible(item) is item):
                break
        else:
            return raw
    if isinstance(raw, str):
        return raw if raw.isascii() else _INVISIBLE.sub("", raw)  # every character it strips is beyond ASCII
    if isinstance(raw, Mapping):
        clean = {key: item if type(item) in _PLAIN else visible(item) for key, item in raw.items()}
        return raw if type(raw) is dict and all(clean[key] is item for key, item in raw.items()) else clean
    if isinstance(raw, list | tuple):
        items = [item if type(item) in _PLAIN else visible(item) for item in raw]
        return raw if type(raw) is list and all(a is b for a, b in zip(items, raw, strict=True)) else items
    return raw


_PLAIN = frozenset({int, float, bool, type(None)})  # values with no text inside


OMITTED_SHOWN = 50  # the warning lists this many left-out parts; JSON has them all


def build_view(data: Mapping[str, Any]) -> dict[str, Any]:
    """Return the template context: the report as given plus derived, ready-to-show facts."""
    data = visible(data)
    period = dict(data.get("period") or {})
    as_of = str(data.get("as_of") or "")
    teams = [_team(team, as_of) for team in data.get("teams") or ()]
    known = {(t["id"], o["id"]): (t, o) for t in teams for o in t["objectives"]}
    for team in teams:
        for objective in team["objectives"]:
            objective["parents"] = [_link(ref, known) for ref in objective["aligns"]]
            objective["supported_by"] = [
                {"team": found[0], "objective": found[1]}
                for ref in objective["aligned_by"]
                if (found := known.get(_pair(ref))) is not None and found[1] is not objective
            ]
    root_team = data["root_team"]
    summary = data["summary"]
    root = next((t for t in teams if t["id"] == root_team), None)
    return {
        "report": data,
        "period": period,
        "as_of": as_of,
        "elapsed": finite(period.get("elapsed")),
        "org": {
            "name": str(data.get("org_name") or (root["name"] if root else "") or ""),
            "score": data.get("score"),
            "grade": data.get("grade"),
            "status": data.get("status"),
            "counts": summary["status_counts"],
            "kr_total": summary["key_results"],
            "last_checkin": summary["last_checkin"],
        },
        "root_team": root_team,
        "teams": teams,
        "tree": _tree(teams, known, root_team),
        "kpis": [_kpi(kpi) for kpi in data.get("kpis") or ()],
        "omitted": list(data.get("omitted") or ())[:OMITTED_SHOWN],
        "omitted_total": len(data.get("omitted") or ()),
        "version": __version__,
    }


def _pair(ref: str) -> tuple[str, str]:
    """Split an objective reference ``team/objective``."""
    team_id, _, objective_id = ref.partition("/")
    return team_id, objective_id


def _team(team: Mapping[str, Any], as_of: str) -> dict[str, Any]:
    """Return a team with its objectives ready to show and its page address."""
    objectives = [_objective(team, o) for o in team.get("objectives") or ()]
    counts = team["status_counts"]
    return {
        **team,
        "name": str(team.get("name") or team.get("id") or ""),
        "grade": team.get("grade"),
        "status": team.get("status"),
        "objectives": objectives,
        "counts": counts,
        "kr_total": sum(counts.values()),
        "page": f"{team.get('id')}.html",
    }


def _objective(team: Mapping[str, Any], objective: Mapping[str, Any]) -> dict[str, Any]:
    """Return an objective with its KRs ready to show, its anchor and normalised ``aligns`` list."""
    krs = [_key_result(objective, kr) for kr in objective.get("key_results") or ()]
    aligns = objective.get("aligns") or []
    return {
        **objective,
        "team": str(team.get("id") or ""),
        "grade": objective.get("grade"),
        "status": objective.get("status"),
        "aligns": [aligns] if isinstance(aligns, str) else [str(a) for a in aligns],
        "key_results": krs,
        "counts": objective["status_counts"],
        "anchor": f"obj-{objective.get('id')}",
    }


def _key_result(objective: Mapping[str, Any], kr: Mapping[str, Any]) -> dict[str, Any]:
    """Return a KR with its range as (min, max), latest check-in, latest note and display texts."""
    checkins = sorted(kr.get("checkins") or (), key=lambda row: str(row.get("date") or ""))
    notes = [row for row in checkins if str(row.get("note") or "").strip()]
    result = {
        **kr,
        "status": str(kr.get("status") or "no-data"),
        "range": _range(kr.get("range")),
        "checkins": checkins,
        "latest_note": notes[-1] if notes else None,
        "anchor": f"kr-{objective.get('id')}-{kr.get('id')}",
    }
    result["display"] = kr_values(result)
    return result


def _range(raw: Any) -> tuple[float, float] | None:
    """Read a range given as {min, max} or [min, max]."""
    if isinstance(raw, Mapping):
        raw = (raw.get("min"), raw.get("max"))
    if isinstance(raw, Sequence) and not isinstance(raw, str) and len(raw) == 2:
        lo, hi = finite(raw[0]), finite(raw[1])
        if lo is not None and hi is not None:
            return (min(lo, hi), max(lo, hi))
    return None


def _milestone(raw: Any) -> str:
    """Say how far a milestone is: done, not done or "60% done"."""
    if raw is True:
        return "done"
    if raw is False:
        return "not started"
    if finite(raw) is None:
        return "–"
    return "done" if raw >= 1 else "not started" if raw <= 0 else f"{percent(raw)} done"


def projected_value(kr: Mapping[str, Any]) -> float | None:
    """Return a KR's forecast value rounded to the precision of the check-ins it comes from (None without one)."""
    forecast = kr.get("forecast")
    raw = finite(forecast.get("value")) if isinstance(forecast, Mapping) else None
    if raw is None:
        return None
    rows = kr.get("checkins") or ()
    return to_quantum(raw, quantum(row.get("value") for row in rows if isinstance(row, Mapping)))


def kr_values(kr: Mapping[str, Any]) -> dict[str, str]:
    """Return the baseline, current, target and forecast texts of a KR, each with its unit."""
    unit, kind = kr.get("unit"), kr.get("kind")
    projected = value(projected_value(kr), unit)
    if kind == "milestone":
        return {
            "baseline": "not started",
            "current": _milestone(kr.get("current")),
            "target": "done",
            "forecast": projected,
            "commit": "",
            "stretch": "",
        }
    bounds = _range(kr.get("range"))
    target = value(kr.get("target"), unit)
    if bounds is not None:
        lo, hi = value(bounds[0]), value(bounds[1], unit)
        target = f"{lo}–{hi}"
    return {
        "baseline": value(kr.get("baseline"), unit),
        "current": value(kr.get("current"), unit),
        "target": target,
        "forecast": projected,
        "commit": value(kr.get("commit"), unit) if finite(kr.get("commit")) is not None else "",
        "stretch": value(kr.get("stretch"), unit) if finite(kr.get("stretch")) is not None else "",
    }


def _link(ref: str, known: Mapping[tuple[str, str], Any]) -> dict[str, Any]:
    """Resolve an ``aligns`` reference to the objective it names, if the report holds it."""
    team_id, _, objective_id = ref.partition("/")
    found = known.get((team_id, objective_id))
    return {
        "ref": ref,
        "team": team_id,
        "objective": objective_id,
        "title": str(found[1].get("title") or "") if found else None,
        "team_name": found[0]["name"] if found else None,
        "anchor": found[1]["anchor"] if found else None,
    }


def _tree(teams: list[dict[str, Any]], known: Mapping[Any, Any], root_team: str | None) -> dict[str, Any]:
    """Return the alignment tree from the root team's objectives down, and the objectives outside it."""
    children: dict[tuple[str, str], list[tuple[str, str]]] = {}
    parentless: list[tuple[str, str]] = []
    for team in teams:
        for objective in team["objectives"]:
            key = (team["id"], objective["id"])
            parent = next(((p["team"], p["objective"]) for p in objective["parents"] if p["title"] is not None), None)
            if parent is None or parent == key:
                parentless.append(key)
            else:
                children.setdefault(parent, []).append(key)
    seen: set[tuple[str, str]] = set()

    def node(key: tuple[str, str], depth: int) -> dict[str, Any]:
        seen.add(key)
        team, objective = known[key]
        kids = [k for k in children.get(key, ()) if k not in seen]
        seen.update(kids)
        below = [node(k, depth + 1) for k in kids] if depth < _MAX_TREE_DEPTH else []
        return {"team": team, "objective": objective, "children": below}

    roots = [k for k in parentless if root_team is None or k[0] == root_team]
    tree = [node(k, 0) for k in roots]
    others = [node(k, 0) for k in parentless if k not in seen]
    # Objectives caught in an alignment cycle have a parent yet are reachable from no root.
    others += [node(k, 0) for k in known if k not in seen]
    return {"roots": tree, "unaligned": others}


def _kpi(kpi: Mapping[str, Any]) -> dict[str, Any]:
    """Return a KPI with its measurements in date order, its latest value and where it is healthy."""
    rows = sorted(kpi.get("measurements") or (), key=lambda row: str(row.get("date") or ""))
    return {
        **kpi,
        "name": str(kpi.get("name") or kpi.get("id") or ""),
        "health": str(kpi.get("health") or "no-data"),
        "measurements": rows,
        "latest_value": kpi["latest"],
        "target": kpi.get("target"),
        "range": _range(kpi.get("range")),
        "direction": kpi.get("direction"),
        "goal": _kpi_goal(kpi),
    }


def _kpi_goal(kpi: Mapping[str, Any]) -> str:
    """Say where a KPI is healthy: "≥ 60 points", "≤ 8 hours", "95–100%"; "–" when not known."""
    unit, bounds = kpi.get("unit"), _range(kpi.get("range"))
    if bounds is not None:
        return f"{value(bounds[0])}–{value(bounds[1], unit)}"
    if finite(kpi.get("target")) is None:
        return "–"
    sign = "≤" if kpi.get("direction") == "decrease" else "≥"
    return f"{sign} {value(kpi.get('target'), unit)}"
