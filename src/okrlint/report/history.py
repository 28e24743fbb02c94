"""Build the history of SPEC §4/§5.1: every period scored as of its end (or ``--as-of``), counts, carried KRs, KPIs.

One pass collects the check-ins, the OKR sets are grouped by period once, and each period is
scored from its own sets and rows, so the work grows with periods × teams.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import Any

from okrlint.lint.findings import Finding
from okrlint.model.periods import Period
from okrlint.model.repository import Kpi, Repository, Team
from okrlint.report.data import org_chart, period_data, periods, sets_by_period, team_scores
from okrlint.scoring.scores import (
    CheckIns,
    KrScore,
    TeamScore,
    collect_checkins,
    grade,
    objective_achieved,
    org_score,
    score_kpi,
    status_counts,
    zone_counts,
)
from okrlint.util.records import record

__all__ = ["ScoredPeriod", "add_history", "build_history", "period_as_of", "period_reports", "score_periods"]


@record
class ScoredPeriod:
    """One period's team scores and the check-ins as of the date they were scored on."""

    period: Period
    checkins: CheckIns
    teams: tuple[TeamScore, ...]


def period_as_of(period: Period, as_of: date) -> date:
    """Return the date a period is scored on: its end once it is over, else ``as_of`` (SPEC §4 History)."""
    return min(period.end, as_of)


def score_periods(
    repo: Repository,
    as_of: date,
    *,
    root_team: str,
    aspirational_goal: float,
    teams: Sequence[str] = (),
    known: ScoredPeriod | None = None,
) -> list[ScoredPeriod]:
    """Score every period of the repository, earliest first (only ``teams`` when given, where they have OKRs).

    ``known``: a period already scored as of ``as_of`` for the same ``teams`` (the reported one), and its
    check-ins: reused, not computed again, when that period is scored as of ``as_of`` here too.
    """
    reuse = known is not None and known.checkins.as_of == as_of
    checkins = known.checkins if known is not None and reuse else collect_checkins(repo, as_of)
    grouped = sets_by_period(repo)
    wanted = frozenset(teams)
    scored = []
    for period in periods(repo):
        day = checkins.until(period_as_of(period, as_of))
        if known is not None and reuse and period.id == known.period.id and day.as_of == as_of:
            scored.append(ScoredPeriod(period, day, known.teams))
            continue
        sets = [s for s in grouped.get(period.id, ()) if not wanted or s.team in wanted]
        scores = team_scores(repo, period, day, root_team=root_team, aspirational_goal=aspirational_goal, sets=sets)
        scored.append(ScoredPeriod(period, day, tuple(scores)))
    return scored


def period_reports(
    repo: Repository, scored: Iterable[ScoredPeriod], *, root_team: str, findings: Iterable[Finding] = ()
) -> Iterator[dict[str, Any]]:
    """Yield the report data of each scored period (the pages of the HTML site), periods without teams left out.

    One period at a time, so a site of many periods never holds every period's data at once.
    """
    charts = org_chart(repo)
    listed = list(findings)
    for s in scored:
        if s.teams:
            yield period_data(repo, s.period, s.checkins, s.teams, root_team=root_team, findings=listed, charts=charts)


def _counts(teams: Sequence[TeamScore], aspirational_goal: float) -> dict[str, Any]:
    """Return the counts people ask for about a period (SPEC §5.1 history)."""
    objectives = [o for t in teams for o in t.objectives]
    krs = [kr for t in teams for kr in t.key_results()]
    return {
        "teams": len(teams),
        "objectives": len(objectives),
        "key_results": len(krs),
        "objectives_achieved": sum(1 for o in objectives if objective_achieved(o, aspirational_goal)),
        "status_counts": status_counts(krs),
        "zone_counts": zone_counts(krs),
    }


def _entry(scored: ScoredPeriod, aspirational_goal: float, charts: Mapping[str, Team]) -> dict[str, Any]:
    """Return one period's history entry."""
    period, score = scored.period, org_score(scored.teams)
    names = {t.team: chart.name if (chart := charts.get(t.team)) else t.team for t in scored.teams}
    return {
        "period": period.id,
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "as_of": scored.checkins.as_of.isoformat(),
        "score": score,
        "grade": grade(score),
        "teams": [{"id": t.team, "name": names[t.team], "score": t.score, "grade": t.grade} for t in scored.teams],
        "counts": _counts(scored.teams, aspirational_goal),
    }


def _step(period: str, kr: KrScore) -> dict[str, Any]:
    """Return one KR's standing in one period of a carried chain."""
    return {
        "period": period,
        "ref": str(kr.ref),
        "title": kr.kr.title,
        "unit": kr.kr.unit,
        "baseline": kr.kr.baseline,
        "target": kr.kr.target,
        "current": kr.current,
        "score": kr.score,
        "status": kr.status,
        "zone": kr.zone,
    }


def _carried(scored: Sequence[ScoredPeriod]) -> list[dict[str, Any]]:
    """Return the chains of KRs linked by ``carried_from``, each from its first period to its last."""
    by_ref: dict[str, tuple[str, KrScore]] = {}
    for s in scored:
        for kr in (kr for team in s.teams for kr in team.key_results()):
            by_ref.setdefault(f"{kr.ref}@{s.period.id}", (s.period.id, kr))
    successor: dict[str, str] = {}
    for ref, (_, kr) in by_ref.items():
        origin = kr.kr.carried_from
        if origin is not None and origin in by_ref and origin != ref:
            successor.setdefault(origin, ref)
    continued = set(successor.values())
    chains = []
    for ref in by_ref:
        if ref in continued or ref not in successor:
            continue
        steps: list[dict[str, Any]] = []
        seen: set[str] = set()
        at: str | None = ref
        while at is not None and at not in seen:
            seen.add(at)
            steps.append(_step(*by_ref[at]))
            at = successor.get(at)
        chains.append({"ref": ref.partition("@")[0], "title": steps[-1]["title"], "periods": steps})
    return chains


def _kpis(repo: Repository, scored: Sequence[ScoredPeriod]) -> list[dict[str, Any]]:
    """Return each KPI's latest measurement and health in every period."""
    unique: dict[str, Kpi] = {}
    for kpi in repo.kpis:
        unique.setdefault(kpi.id, kpi)
    result = []
    for kpi in unique.values():
        steps = []
        for s in scored:
            found = score_kpi(kpi, s.checkins, s.period)
            values = [{"date": r.date.isoformat(), "value": r.value} for r in found.measurements]
            steps.append(
                {"period": s.period.id, "latest": found.latest, "health": found.health, "measurements": values}
            )
        result.append({"id": kpi.id, "name": kpi.name, "unit": kpi.unit, "periods": steps})
    return result


def build_history(
    repo: Repository, scored: Sequence[ScoredPeriod], current: str, *, aspirational_goal: float
) -> dict[str, Any]:
    """Return the history keys of the report data: ``periods``, ``history``, ``carried`` and ``kpi_history``."""
    shown = [s for s in scored if s.teams]
    charts = org_chart(repo)
    listed = [{"id": s.period.id, "start": s.period.start.isoformat(), "end": s.period.end.isoformat()} for s in shown]
    return {
        "periods": [{**p, "current": p["id"] == current} for p in listed],
        "history": [_entry(s, aspirational_goal, charts) for s in shown],
        "carried": _carried(shown),
        "kpi_history": _kpis(repo, shown),
    }


def add_history(
    data: dict[str, Any],
    repo: Repository,
    as_of: date,
    *,
    root_team: str,
    aspirational_goal: float,
    teams: Sequence[str] = (),
    findings: Iterable[Finding] = (),
    site: bool = False,
    known: ScoredPeriod | None = None,
) -> Iterable[dict[str, Any]]:
    """Add every period's history to ``data``; with ``site``, return the other periods' report data (lazily).

    ``known``: the reported period's scores as of ``as_of`` (see :func:`score_periods`).
    """
    scored = score_periods(
        repo, as_of, root_team=root_team, aspirational_goal=aspirational_goal, teams=teams, known=known
    )
    current = data["period"]["id"]
    data.update(build_history(repo, scored, current, aspirational_goal=aspirational_goal))
    if not site:
        return ()
    return period_reports(repo, [s for s in scored if s.period.id != current], root_team=root_team, findings=findings)
