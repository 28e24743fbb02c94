"""Score key results, objectives, teams and KPIs from check-in data (SPEC §4); no I/O.

Check-in rows are taken in *scoring order* — by date, then by file path, then by row
position in the file — so "the latest check-in (ties: the later row)" is always the last
row in that order, whichever order the files were read in. Rows dated after ``as_of`` and
rows whose value is invalid for their KR (what T403 reports) are left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from types import MappingProxyType

from okrlint.model.periods import Period
from okrlint.model.repository import CheckIn, KeyResult, Kpi, KrRef, Objective, OkrSet, Repository
from okrlint.model.rowgroups import NO_ROWS, RowGroup, group_rows
from okrlint.scoring.formulas import (
    GRADES,
    HEALTH,
    STATUSES,
    ZONES,
    Forecast,
    attainment_of,
    expected_progress,
    forecast,
    goal,
    grade,
    kpi_health,
    mean,
    reached,
    score_of,
    status_of,
    usable_value,
    weighted_mean,
    zone_of,
)
from okrlint.util.records import record

__all__ = [
    "GRADES",
    "HEALTH",
    "STATUSES",
    "ZONES",
    "CheckIns",
    "Forecast",
    "KpiScore",
    "KrScore",
    "ObjectiveScore",
    "TeamScore",
    "collect_checkins",
    "grade",
    "has_data",
    "org_score",
    "row_order",
    "score_key_result",
    "score_kpi",
    "score_objective",
    "score_okr_set",
    "valid_confidence",
]


def row_order(row: CheckIn) -> tuple[date, str, int]:
    """Return the key that puts check-in rows in scoring order (date, file path, row position)."""
    return (row.date, row.loc.path, row.index)


@record
class CheckIns:
    """The check-in rows dated on or before ``as_of``, grouped by KR and by KPI, in scoring order.

    Scoring reads only rows up to ``as_of``, so one collection serves earlier dates too
    (``until``): the history scores every period from one pass over the logs. Groups keep row
    numbers; a ``CheckIn`` is made when a row is read.
    """

    as_of: date
    by_kr: Mapping[KrRef, RowGroup]
    by_kpi: Mapping[str, RowGroup]

    def until(self, day: date) -> CheckIns:
        """Return the same rows read as of ``day`` (not later than this collection's ``as_of``)."""
        return CheckIns(min(day, self.as_of), self.by_kr, self.by_kpi)


def collect_checkins(repo: Repository, as_of: date) -> CheckIns:
    """Group the repository's check-in rows up to ``as_of`` (later rows are ignored, SPEC §4)."""
    by_kr, by_kpi = group_rows(repo.logs, as_of)
    return CheckIns(
        as_of,
        MappingProxyType({k: v.in_scoring_order() for k, v in by_kr.items()}),
        MappingProxyType({k: v.in_scoring_order() for k, v in by_kpi.items()}),
    )


@record
class KrScore:
    """A key result's standing as of a date.

    ``rows`` are the rows its current value and forecast come from, in scoring order: its
    own check-ins, else (``source == "kpi"``) the linked KPI's measurements in the period.
    ``source`` is ``checkins``, ``kpi``, ``baseline`` (no data, current is the baseline) or
    ``none`` (no data and nothing to fall back on).
    """

    ref: KrRef
    kr: KeyResult
    rows: RowGroup
    source: str
    current: float | bool | None
    attainment: float | None
    score: float | None
    expected: float
    status: str
    confidence: float | None
    forecast: Forecast | None
    zone: str | None = None

    @property
    def grade(self) -> str | None:
        """Return the score's grade (red / yellow / green), None for a null score."""
        return grade(self.score)

    @property
    def last_checkin(self) -> date | None:
        """Return the date of the latest row counted, None without data."""
        return self.rows.last_date() if self.rows else None


@record
class ObjectiveScore:
    """An objective's weight-weighted score over its KRs' non-null scores (None while no KR has data)."""

    objective: Objective
    key_results: tuple[KrScore, ...]
    score: float | None

    @property
    def grade(self) -> str | None:
        """Return the score's grade, None for a null score."""
        return grade(self.score)

    @property
    def has_data(self) -> bool:
        """Return True once any of its KRs has a check-in or measurement that scores."""
        return has_data(self.key_results)


def has_data(scores: Iterable[KrScore]) -> bool:
    """Return True when any of the KR scores is not ``no-data`` (SPEC §5.1: else "no data yet")."""
    return any(s.status != "no-data" for s in scores)


def status_counts(scores: Iterable[KrScore]) -> dict[str, int]:
    """Return how many KRs have each status, every status present (in STATUSES order)."""
    counted = Counter(s.status for s in scores)
    return {status: counted.get(status, 0) for status in STATUSES}


def objective_achieved(score: ObjectiveScore, aspirational_goal: float = 0.7) -> bool:
    """Return True when an objective's score reached its goal (1.0 committed, ``aspirational_goal`` otherwise)."""
    return reached(score.score, goal(score.objective.type, aspirational_goal))


def zone_counts(scores: Iterable[KrScore]) -> dict[str, int]:
    """Return how many zoned KRs are in each zone, every zone present (in ZONES order)."""
    counted = Counter(s.zone for s in scores if s.zone is not None)
    return {zone: counted.get(zone, 0) for zone in ZONES}


@record
class TeamScore:
    """A team's OKR set for one period: the mean of its objectives' scores."""

    okr_set: OkrSet
    objectives: tuple[ObjectiveScore, ...]
    score: float | None

    @property
    def team(self) -> str:
        """Return the team id."""
        return self.okr_set.team

    @property
    def grade(self) -> str | None:
        """Return the score's grade, None for a null score."""
        return grade(self.score)

    @property
    def has_data(self) -> bool:
        """Return True once any of the team's KRs has data."""
        return has_data(self.key_results())

    def key_results(self) -> list[KrScore]:
        """Return every KR score of the team, objective by objective."""
        return [kr for objective in self.objectives for kr in objective.key_results]

    def status_counts(self) -> dict[str, int]:
        """Return how many of the team's KRs have each status."""
        return status_counts(self.key_results())

    @property
    def last_checkin(self) -> date | None:
        """Return the date of the team's latest counted row, None without data."""
        return max((d for kr in self.key_results() if (d := kr.last_checkin) is not None), default=None)


@record
class KpiScore:
    """A KPI's measurements in a period up to the as-of date, its latest value and health."""

    kpi: Kpi
    measurements: Sequence[CheckIn]
    latest: float | None
    health: str

    @property
    def latest_date(self) -> date | None:
        """Return the date of the latest measurement, None without one."""
        return self.measurements[-1].date if self.measurements else None


def _valid(kind: str | None, rows: RowGroup) -> RowGroup:
    """Return the rows whose value is valid for a KR of ``kind``."""
    return rows.where(lambda _, value: usable_value(kind, value) is not None)


def _measurements(rows: RowGroup, period: Period) -> RowGroup:
    """Return the valid numeric KPI measurements dated inside ``period``."""
    start, end = period.start.toordinal(), period.end.toordinal()
    return rows.where(lambda day, value: start <= day <= end and usable_value("metric", value) is not None)


def valid_confidence(value: float | None) -> float | None:
    """Return a row's confidence when it is a number from 0 to 1 (else T403's concern: None)."""
    if value is None or isinstance(value, bool) or not 0.0 <= value <= 1.0:
        return None
    return float(value)


def score_key_result(
    okr_set: OkrSet, objective: Objective, kr: KeyResult, checkins: CheckIns, *, aspirational_goal: float = 0.7
) -> KrScore:
    """Score one key result of ``okr_set`` as of ``checkins.as_of`` (SPEC §4)."""
    ref = KrRef(okr_set.team, objective.id, kr.id, okr_set.period.id)
    rows, source = _valid(kr.kind, checkins.by_kr.get(ref, NO_ROWS).until(checkins.as_of)), "checkins"
    if not rows and kr.kpi is not None and kr.kind != "milestone":
        rows, source = _measurements(checkins.by_kpi.get(kr.kpi, NO_ROWS).until(checkins.as_of), okr_set.period), "kpi"
    if rows:
        current = usable_value(kr.kind, rows.value(-1))
    else:
        current = None if kr.kind == "milestone" else kr.baseline
        source = "baseline" if current is not None else "none"
    score = score_of(kr, current)
    expected = expected_progress(okr_set.period, checkins.as_of, objective.type, aspirational_goal)
    series = [(day, float(value)) for day, value in zip(rows.dates(), rows.values(), strict=True) if value is not None]
    return KrScore(
        ref=ref,
        kr=kr,
        rows=rows,
        source=source,
        current=current,
        attainment=attainment_of(kr, current) if kr.kind is not None else None,
        score=score,
        expected=expected,
        status=status_of(score, expected, bool(rows)),
        confidence=valid_confidence(rows[-1].confidence) if rows and source == "checkins" else None,
        forecast=forecast(kr, series, okr_set.period),
        zone=zone_of(kr, current),
    )


def score_objective(
    okr_set: OkrSet, objective: Objective, checkins: CheckIns, *, aspirational_goal: float = 0.7
) -> ObjectiveScore:
    """Score an objective: the weight-weighted mean of its KRs' non-null scores; None while none has data.

    Before any check-in of the period every KR stands at its baseline: that is no score of 0
    but no data yet, and the objective is left out of its team's mean like a null score.
    """
    krs = tuple(
        score_key_result(okr_set, objective, kr, checkins, aspirational_goal=aspirational_goal)
        for kr in objective.key_results
    )
    score = weighted_mean((s.score, s.kr.weight) for s in krs) if has_data(krs) else None
    return ObjectiveScore(objective, krs, score)


def score_okr_set(okr_set: OkrSet, checkins: CheckIns, *, aspirational_goal: float = 0.7) -> TeamScore:
    """Score a team's OKR set: the mean of its objectives' non-null scores."""
    objectives = tuple(
        score_objective(okr_set, objective, checkins, aspirational_goal=aspirational_goal)
        for objective in okr_set.objectives
    )
    return TeamScore(okr_set, objectives, mean(o.score for o in objectives))


def org_score(teams: Sequence[TeamScore]) -> float | None:
    """Return the org score: the mean of the teams' non-null scores."""
    return mean(team.score for team in teams)


def score_kpi(kpi: Kpi, checkins: CheckIns, period: Period) -> KpiScore:
    """Return a KPI's measurements inside ``period`` up to the as-of date, latest value and health."""
    rows = _measurements(checkins.by_kpi.get(kpi.id, NO_ROWS).until(checkins.as_of), period)
    latest = float(rows.value(-1)) if rows and rows.value(-1) is not None else None
    return KpiScore(kpi, rows, latest, kpi_health(kpi, latest))
