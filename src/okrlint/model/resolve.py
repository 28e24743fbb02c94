"""Resolve check-in rows to the key results they name: by reference, team and the row's date (SPEC §1.3)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from okrlint.model.repository import CheckInLog, KrRef, OkrSet
from okrlint.model.rows import day_of, rows_of


def split_reference(ref: str, default_team: str | None) -> tuple[str, str, str] | None:
    """Split ``objective/kr`` or ``team/objective/kr`` into (team, objective, kr)."""
    parts = ref.split("/")
    if len(parts) == 3:
        return parts[0], parts[1], parts[2]
    if len(parts) == 2 and default_team:
        return default_team, parts[0], parts[1]
    return None


KrLookup = dict[tuple[str, str, str], list[OkrSet]]


def kr_lookup(sets: Iterable[OkrSet]) -> KrLookup:
    """Return, for each (team, objective, kr), the OKR sets that define it, by period."""
    lookup: KrLookup = {}
    for okr_set in sorted(sets, key=lambda s: s.period):
        for objective in okr_set.objectives:
            for kr in objective.key_results:
                lookup.setdefault((okr_set.team, objective.id, kr.id), []).append(okr_set)
    return lookup


def reference_candidates(
    kr: str, team: str | None, log: CheckInLog, lookup: KrLookup
) -> tuple[tuple[str, str, str], list[OkrSet]] | None:
    """Return (team, objective, kr) that a row of ``log`` naming ``kr`` (row team ``team``) means, and the
    OKR sets that define it (by period); None when it names nothing."""
    parts = split_reference(kr, team or log.team)
    if parts is None:
        return None
    candidates = lookup.get(parts, [])
    if log.period is not None:
        candidates = [s for s in candidates if s.period.id == log.period.id]
    return (parts, candidates) if candidates else None


def chosen_set(candidates: list[OkrSet], day: date, grace_days: int) -> OkrSet:
    """Return the OKR set (of those defining one KR, by period) that a check-in on ``day`` belongs to (SPEC §1.3)."""
    # A date inside one period and inside another's grace days belongs to the period it is inside.
    containing = [s for s in candidates if s.period.contains_date(day)] or [
        s for s in candidates if s.period.contains_date(day, grace_days)
    ]
    before = [s for s in candidates if s.period.start <= day]
    return containing[0] if containing else before[-1] if before else candidates[0]


def resolve_log(
    log: CheckInLog, lookup: KrLookup, grace_days: int, shared: dict[KrRef, KrRef] | None = None
) -> CheckInLog:
    """Return ``log`` with every KR row's reference resolved (equal references share one object).

    A reference that only one period defines resolves alike on every row; others by each row's date.
    """
    shared = {} if shared is None else shared
    rows = rows_of(log)
    found_of: dict[tuple[str, str | None], tuple[tuple[str, str, str], list[OkrSet]] | None] = {}
    refs: dict[tuple[tuple[str, str | None], str], KrRef] = {}
    resolved: list[KrRef | None] = []
    for kr, team, ordinal in rows.scan("kr", "team", "ordinal"):
        key = (kr, team)
        if key not in found_of:
            found_of[key] = None if kr is None else reference_candidates(kr, team, log, lookup)
        found = found_of[key]
        if found is None:
            resolved.append(None)
            continue
        parts, candidates = found
        period = (candidates[0] if len(candidates) == 1 else chosen_set(candidates, day_of(ordinal), grace_days)).period
        ref = refs.get((key, period.id))
        if ref is None:
            made = KrRef(*parts, period.id)
            ref = refs[(key, period.id)] = shared.setdefault(made, made)
        resolved.append(ref)
    return replace(log, rows=rows.with_resolved(resolved))
