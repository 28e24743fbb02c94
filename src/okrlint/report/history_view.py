"""Lay out the history part of the report data for the history page and the period switcher."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from okrlint.report.view import visible

__all__ = ["history_view", "period_links"]

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def period_links(data: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Return the periods of the site, each with its folder relative to the site's top ("" for the current one).

    Other periods live in ``periods/<id>/``; an id that is not a safe file name (a custom
    period such as "Sprint 12") gets a folder name made of its safe characters, kept unique.
    """
    used: set[str] = set()
    links = []
    for period in visible(data.get("periods") or ()):
        path = ""
        if not period.get("current"):
            name = _UNSAFE.sub("-", str(period.get("id"))).strip("-")[:80] or "period"
            unique, n = name, 1
            while unique in used:
                n += 1
                unique = f"{name}-{n}"
            used.add(unique)
            path = f"periods/{unique}/"
        links.append({**period, "path": path})
    return links


def history_view(data: Mapping[str, Any]) -> dict[str, Any]:
    """Return the history page's context: periods, org row, one row per team (None where it had no OKRs)."""
    data = visible({key: data.get(key) for key in ("periods", "history", "carried", "kpi_history")})
    links = {p["id"]: p for p in period_links(data)}
    entries = list(data.get("history") or ())
    labels = [str(e.get("period")) for e in entries]
    teams: dict[str, dict[str, Any]] = {}
    for column, entry in enumerate(entries):
        for team in entry.get("teams") or ():
            row = teams.setdefault(
                str(team.get("id")), {"id": team.get("id"), "name": team.get("name"), "cells": [None] * len(entries)}
            )
            row["name"] = team.get("name") or row["name"]
            row["cells"][column] = team
    for row in teams.values():
        row["scores"] = [cell.get("score") if cell else None for cell in row["cells"]]
    return {
        "labels": labels,
        "entries": [{**e, "link": links.get(e.get("period"))} for e in entries],
        "org_scores": [e.get("score") for e in entries],
        "team_rows": list(teams.values()),
        "carried": list(data.get("carried") or ()),
        "kpi_history": list(data.get("kpi_history") or ()),
    }
