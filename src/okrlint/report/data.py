"""Build the report data of SPEC §5.1 ("report json"): the one plain dict every report format renders.

The SPEC keys are all there; extra keys (status counts, last check-in dates, references,
alignment children, a summary) help scorecards and are described in
``schema/report.schema.json``. Numbers are unrounded, dates are ISO strings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from okrlint.lint.findings import Finding, Severity
from okrlint.model.periods import Period
from okrlint.model.repository import Kpi, OkrSet, Repository, Team
from okrlint.scoring.formulas import HEALTH, STATUSES
from okrlint.scoring.scores import (
    CheckIns,
    KpiScore,
    KrScore,
    ObjectiveScore,
    TeamScore,
    collect_checkins,
    grade,
    org_score,
    score_kpi,
    score_okr_set,
    status_counts,
    valid_confidence,
    zone_counts,
)
from okrlint.source.problems import Omission
from okrlint.util.errors import UserError
from okrlint.util.text import did_you_mean, escape_undecodable

REPORT_VERSION = 1


class ReportError(UserError):
    """A report that cannot be built as asked (unknown period or team, nothing to report on)."""


def periods(repo: Repository) -> list[Period]:
    """Return the distinct periods of the repository's OKR sets, earliest first."""
    found: dict[str, Period] = {}
    for okr_set in repo.okr_sets:
        found.setdefault(okr_set.period.id, okr_set.period)
    return sorted(found.values())


def select_period(repo: Repository, as_of: date, wanted: str | None = None) -> Period:
    """Return ``wanted``, else the shortest period containing ``as_of``, else the latest one."""
    known = periods(repo)
    if not known:
        raise ReportError("no OKR sets to report on: the paths hold no valid OKR set")
    if wanted is not None:
        for period in known:
            if period.id == wanted:
                return period
        suggestion = did_you_mean(wanted, [p.id for p in known])
        raise ReportError(f"no OKR set for period {wanted!r}{suggestion}; periods: {_listed(p.id for p in known)}")
    containing = [p for p in known if p.start <= as_of <= p.end]
    if containing:
        return min(containing, key=lambda p: (p.days, -p.start.toordinal()))
    return max(known, key=lambda p: (p.end, -p.days))


def _listed(items: Iterable[str]) -> str:
    return ", ".join(items) or "none"


def team_scores(
    repo: Repository,
    period: Period,
    checkins: CheckIns,
    *,
    root_team: str,
    aspirational_goal: float,
    teams: Sequence[str] = (),
    sets: Sequence[OkrSet] | None = None,
) -> list[TeamScore]:
    """Score the period's OKR sets (only ``teams`` when given), root team first, then by id.

    ``sets`` are the period's OKR sets when the caller has them grouped already (the history).
    """
    if sets is None:
        sets = [s for s in repo.okr_sets if s.period.id == period.id]
    present = {s.team for s in sets}
    for team in teams:
        if team not in present:
            known = repo.team_ids() | {s.team for s in repo.okr_sets}
            where = "has no OKR set for" if team in known else "is not a team with OKRs in"
            raise ReportError(
                f"team {team!r} {where} period {period.id}; teams with OKRs in {period.id}: {_listed(sorted(present))}"
            )
    chosen = [s for s in sets if not teams or s.team in teams]
    chosen.sort(key=lambda s: (s.team != root_team, s.team))
    unique: dict[str, OkrSet] = {}
    for okr_set in chosen:
        unique.setdefault(okr_set.team, okr_set)  # E008 reports a team's second set for one period
    return [score_okr_set(s, checkins, aspirational_goal=aspirational_goal) for s in unique.values()]


def sets_by_period(repo: Repository) -> dict[str, list[OkrSet]]:
    """Return the repository's OKR sets grouped by period id."""
    grouped: dict[str, list[OkrSet]] = {}
    for okr_set in repo.okr_sets:
        grouped.setdefault(okr_set.period.id, []).append(okr_set)
    return grouped


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _band(bounds: tuple[float, float] | None) -> dict[str, float] | None:
    return {"min": bounds[0], "max": bounds[1]} if bounds is not None else None


_ROW_FIELDS = ("date", "value", "confidence", "note", "author")


def _row(day: date, value: Any, confidence: Any, note: str | None, author: str | None) -> dict[str, Any]:
    return {
        "date": day.isoformat(),
        "value": value,
        "confidence": valid_confidence(confidence),
        "note": note,
        "author": author,
    }


def kr_data(score: KrScore) -> dict[str, Any]:
    """Return a key result's report entry."""
    kr = score.kr
    return {
        "id": kr.id,
        "title": kr.title,
        "kind": kr.kind,
        "unit": kr.unit,
        "baseline": kr.baseline,
        "target": kr.target,
        "range": _band(kr.range),
        "current": score.current,
        "attainment": score.attainment,
        "score": score.score,
        "status": score.status,
        "confidence": score.confidence,
        "forecast": {"value": score.forecast.value, "score": score.forecast.score} if score.forecast else None,
        "checkins": [_row(*fields) for fields in score.rows.fields(*_ROW_FIELDS)],
        "ref": str(score.ref),
        "grade": score.grade,
        "expected": score.expected,
        "weight": kr.weight,
        "direction": "increase" if kr.increasing else "decrease",
        "kpi": kr.kpi,
        "owner": kr.owner,
        "due": _iso(kr.due),
        "source": score.source,
        "last_checkin": _iso(score.last_checkin),
        "commit": kr.commit,
        "stretch": kr.stretch,
        "zone": score.zone,
        "carried_from": kr.carried_from,
    }


def _status(data: bool) -> str:
    """Return ``scored``, or ``no-data`` before any check-in (shown as "no data yet", not 0 % red)."""
    return "scored" if data else "no-data"


def objective_data(team: str, score: ObjectiveScore, aligned_by: Mapping[str, list[str]]) -> dict[str, Any]:
    """Return an objective's report entry."""
    objective = score.objective
    ref = f"{team}/{objective.id}"
    dates = [d for kr in score.key_results if (d := kr.last_checkin) is not None]
    return {
        "id": objective.id,
        "title": objective.title,
        "type": objective.type,
        "aligns": list(objective.aligns),
        "score": score.score,
        "grade": score.grade,
        "status": _status(score.has_data),
        "key_results": [kr_data(kr) for kr in score.key_results],
        "ref": ref,
        "owner": objective.owner,
        "description": objective.description,
        "expected": score.key_results[0].expected if score.key_results else None,
        "aligned_by": aligned_by.get(ref, []),
        "status_counts": status_counts(score.key_results),
        "last_checkin": _iso(max(dates, default=None)),
    }


def team_data(score: TeamScore, chart: Team | None, aligned_by: Mapping[str, list[str]]) -> dict[str, Any]:
    """Return a team's report entry (name, parent and owner from the org chart entry when there is one)."""
    return {
        "id": score.team,
        "name": chart.name if chart else score.team,
        "score": score.score,
        "grade": score.grade,
        "status": _status(score.has_data),
        "objectives": [objective_data(score.team, o, aligned_by) for o in score.objectives],
        "parent": chart.parent if chart else None,
        "owner": score.okr_set.owner or (chart.owner if chart else None),
        "path": escape_undecodable(score.okr_set.loc.path),
        "status_counts": score.status_counts(),
        "last_checkin": _iso(score.last_checkin),
    }


def kpi_data(score: KpiScore) -> dict[str, Any]:
    """Return a KPI's report entry."""
    kpi: Kpi = score.kpi
    return {
        "id": kpi.id,
        "name": kpi.name,
        "unit": kpi.unit,
        "latest": score.latest,
        "health": score.health,
        "measurements": [{"date": r.date.isoformat(), "value": r.value, "note": r.note} for r in score.measurements],
        "latest_date": _iso(score.latest_date),
        "direction": kpi.direction,
        "category": kpi.category,
        "source": kpi.source,
        "owner": kpi.owner,
        "cadence": kpi.cadence,
        "target": kpi.target,
        "range": _band(kpi.range),
    }


def _aligned_by(teams: Sequence[TeamScore]) -> dict[str, list[str]]:
    """Return, per objective reference, the references of the report's objectives aligned to it."""
    children: dict[str, list[str]] = {}
    for team in teams:
        for objective in team.objectives:
            for parent in objective.objective.aligns:
                children.setdefault(parent, []).append(f"{team.team}/{objective.objective.id}")
    return children


def _counts(findings: Iterable[Finding]) -> dict[str, int]:
    listed = list(findings)
    return {
        str(s): sum(1 for f in listed if f.severity == s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    }


def build_report_data(
    repo: Repository,
    as_of: date,
    *,
    root_team: str = "company",
    aspirational_goal: float = 0.7,
    period: str | None = None,
    teams: Sequence[str] = (),
    findings: Iterable[Finding] = (),
    omitted: Iterable[Omission] = (),
) -> dict[str, Any]:
    """Return the report data for ``period`` (default: the one containing ``as_of``) as of ``as_of``.

    ``omitted`` lists what the input lost before scoring (files, documents, rows): the report
    names each so a scorecard never silently shows less than the repository holds.
    """
    scored = score_report(
        repo, as_of, root_team=root_team, aspirational_goal=aspirational_goal, period=period, teams=teams
    )
    return period_data(repo, *scored, root_team=root_team, findings=findings, omitted=omitted)


def score_report(
    repo: Repository,
    as_of: date,
    *,
    root_team: str,
    aspirational_goal: float,
    period: str | None = None,
    teams: Sequence[str] = (),
) -> tuple[Period, CheckIns, list[TeamScore]]:
    """Return the reported period (``period``, else the one containing ``as_of``), the check-ins and the team scores."""
    chosen = select_period(repo, as_of, period)
    checkins = collect_checkins(repo, as_of)
    scores = team_scores(repo, chosen, checkins, root_team=root_team, aspirational_goal=aspirational_goal, teams=teams)
    return chosen, checkins, scores


def period_data(
    repo: Repository,
    period: Period,
    checkins: CheckIns,
    scores: Sequence[TeamScore],
    *,
    root_team: str,
    findings: Iterable[Finding] = (),
    charts: Mapping[str, Team] | None = None,
    omitted: Iterable[Omission] = (),
) -> dict[str, Any]:
    """Return the report data of one period from its team scores, as of ``checkins.as_of``."""
    as_of = checkins.as_of
    charts = charts if charts is not None else org_chart(repo)
    aligned_by = _aligned_by(scores)
    kpis = [score_kpi(kpi, checkins, period) for kpi in _unique_kpis(repo.kpis)]
    score = org_score(scores)
    all_krs = [kr for team in scores for kr in team.key_results()]
    root = charts.get(root_team)
    last = max((d for t in scores if (d := t.last_checkin) is not None), default=None)
    return {
        "version": REPORT_VERSION,
        "period": {
            "id": period.id,
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "days": period.days,
            "elapsed": period.elapsed(as_of),
        },
        "as_of": as_of.isoformat(),
        "score": score,
        "teams": [team_data(team, charts.get(team.team), aligned_by) for team in scores],
        "kpis": [kpi_data(k) for k in kpis],
        "grade": grade(score),
        "status": _status(any(team.has_data for team in scores)),
        "root_team": root_team,
        "org_name": root.name if root else None,
        "summary": {
            "teams": len(scores),
            "objectives": sum(len(t.objectives) for t in scores),
            "key_results": len(all_krs),
            "status_counts": status_counts(all_krs),
            "zone_counts": zone_counts(all_krs),
            "kpi_health": {h: sum(1 for k in kpis if k.health == h) for h in HEALTH},
            "last_checkin": _iso(last),
        },
        "findings": _counts(findings),
        "omitted": [_omission(o) for o in omitted],
    }


def _omission(omitted: Omission) -> dict[str, Any]:
    """Return the JSON shape of a left-out part, undecodable bytes of its path shown as ``\\xNN``."""
    path, reason = escape_undecodable(omitted.path), escape_undecodable(omitted.reason)
    return {"path": path, "line": omitted.line, "column": omitted.column, "reason": reason}


def org_chart(repo: Repository) -> dict[str, Team]:
    """Return the org chart's teams by id (the first one when an id repeats)."""
    chart: dict[str, Team] = {}
    for team in repo.teams:
        chart.setdefault(team.id, team)
    return chart


def _unique_kpis(kpis: Iterable[Kpi]) -> list[Kpi]:
    """Return the catalogue's KPIs in order, the first of each id (E004 reports repeats)."""
    seen: dict[str, Kpi] = {}
    for kpi in kpis:
        seen.setdefault(kpi.id, kpi)
    return list(seen.values())


__all__ = [
    "STATUSES",
    "ReportError",
    "build_report_data",
    "org_chart",
    "period_data",
    "periods",
    "score_report",
    "select_period",
    "sets_by_period",
    "team_scores",
]
