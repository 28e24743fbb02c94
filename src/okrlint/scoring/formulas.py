"""The formulas of SPEC §4 over plain values: scores, grades, pace, status, forecast, KPI health."""

from __future__ import annotations

import itertools
import math
import sys
from collections.abc import Iterable, Sequence
from datetime import date

from okrlint.model.periods import Period
from okrlint.model.repository import KeyResult, Kpi
from okrlint.util.records import record

STATUSES = ("done", "on-track", "at-risk", "off-track", "no-data")
HEALTH = ("healthy", "breached", "no-data")
GRADES = ("red", "yellow", "green")
ZONES = ("fail", "commit", "target", "stretch")
COMMIT_SCORE, TARGET_SCORE = 0.3, 0.7  # with a stretch point; without one target scores 1.0
_EPS = 1e-9  # keeps 0.5 - 0.1 >= 0.4 from failing on binary rounding


def usable_value(kind: str | None, value: float | bool | None) -> float | bool | None:
    """Return a row's value if it is valid for a KR of ``kind`` (T403 rows give None)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value if kind == "milestone" else None
    number = float(value)
    if not math.isfinite(number):
        return None
    if kind == "milestone" and not 0.0 <= number <= 1.0:
        return None
    return number


def _finite(value: float) -> float:
    """Return ``value`` with an overflow to ±inf held at the largest float of that sign (NaN stays NaN)."""
    return math.copysign(sys.float_info.max, value) if math.isinf(value) else value


def progress_ratio(value: float, start: float, end: float) -> float | None:
    """Return (value − start) / (end − start), finite even for inputs near ±1e308; None when start == end.

    The differences of two finite floats can overflow (1e308 − (−1e308)); halved operands cannot,
    and the ratio of the halves is the same number.
    """
    if end == start:
        return None
    top, bottom = value - start, end - start
    if not (math.isfinite(top) and math.isfinite(bottom)):
        top, bottom = value / 2 - start / 2, end / 2 - start / 2
    if bottom == 0:
        return None
    result = top / bottom
    return None if math.isnan(result) else _finite(result)


def clip(value: float) -> float:
    """Clip ``value`` to [0, 1]."""
    return min(1.0, max(0.0, value))


def metric_attainment(current: float | None, baseline: float | None, target: float | None) -> float | None:
    """Return (current − baseline) / (target − baseline), None when it cannot be computed."""
    if current is None or baseline is None or target is None:
        return None
    return progress_ratio(current, baseline, target)


def range_attainment(current: float | None, bounds: tuple[float, float], baseline: float | None) -> float | None:
    """Return a range KR's unclipped progress: 1 inside, linear from a same-side baseline, else 0."""
    if current is None:
        return None
    low, high = bounds
    if low <= current <= high:
        return 1.0
    bound = low if current < low else high
    same_side = baseline is not None and ((current < low and baseline < low) or (current > high and baseline > high))
    if not same_side or baseline is None:
        return 0.0
    return progress_ratio(current, baseline, bound)


def zone_points(kr: KeyResult) -> list[tuple[float, float]] | None:
    """Return a zoned metric KR's (value, score) points, baseline first; None without zones or baseline."""
    if not kr.zoned or kr.baseline is None or kr.target is None or kr.baseline == kr.target:
        return None
    points = [(kr.baseline, 0.0)]
    if kr.commit is not None:
        points.append((kr.commit, COMMIT_SCORE))
    points.append((kr.target, TARGET_SCORE if kr.stretch is not None else 1.0))
    if kr.stretch is not None:
        points.append((kr.stretch, 1.0))
    return points


def piecewise_attainment(current: float, points: Sequence[tuple[float, float]]) -> float:
    """Return the unclipped score on the line through ``points`` (ordered in the KR's direction).

    Inside the points it interpolates on the segment that holds ``current``; before the first
    or past the last point it extends the nearest segment, so clipping gives 0 and 1 there.
    """
    sign = 1.0 if points[-1][0] > points[0][0] else -1.0
    segments = list(itertools.pairwise(points))
    (x0, y0), (x1, y1) = next((seg for seg in segments if sign * current <= sign * seg[1][0]), segments[-1])
    return y0 + (current - x0) * (y1 - y0) / (x1 - x0)


def zone_of(kr: KeyResult, current: float | bool | None) -> str | None:
    """Return the zone ``current`` reaches (fail / commit / target / stretch); None without zones or a value."""
    if not kr.zoned or current is None or isinstance(current, bool) or kr.target is None:
        return None
    sign = 1.0 if kr.increasing else -1.0
    for name, point in (("stretch", kr.stretch), ("target", kr.target), ("commit", kr.commit)):
        if point is not None and sign * current >= sign * point:
            return name
    return "fail"


def milestone_score(value: float | bool | None) -> float:
    """Return a milestone's score: true 1.0, false (or no check-in) 0.0, a fraction as is."""
    if value is None or value is False:
        return 0.0
    if value is True:
        return 1.0
    return clip(float(value))


def attainment_of(kr: KeyResult, current: float | bool | None) -> float | None:
    """Return the KR's unclipped attainment for ``current`` (milestones: their score)."""
    if kr.kind == "milestone":
        return milestone_score(current)
    number = None if isinstance(current, bool) or current is None else float(current)
    if kr.kind == "metric":
        points = zone_points(kr)
        if points is not None and number is not None:
            return piecewise_attainment(number, points)
        return metric_attainment(number, kr.baseline, kr.target)
    if kr.kind == "range" and kr.range is not None:
        return range_attainment(number, kr.range, kr.baseline)
    return None


def score_of(kr: KeyResult, current: float | bool | None) -> float | None:
    """Return the KR's score in [0, 1] for ``current``, None when it cannot be scored."""
    attainment = attainment_of(kr, current)
    return None if attainment is None else clip(attainment)


def grade(score: float | None) -> str | None:
    """Return red (< 0.4), yellow (< 0.7) or green for a score; None for a null score."""
    if score is None:
        return None
    return "red" if score < 0.4 else "yellow" if score < 0.7 else "green"


def goal(objective_type: str, aspirational_goal: float) -> float:
    """Return the end-of-period goal: 1.0 for committed objectives, ``aspirational_goal`` otherwise."""
    return 1.0 if objective_type == "committed" else aspirational_goal


def reached(score: float | None, wanted: float) -> bool:
    """Return True when ``score`` is at least ``wanted`` (binary rounding forgiven)."""
    return score is not None and score >= wanted - _EPS


def expected_progress(period: Period, as_of: date, objective_type: str, aspirational_goal: float) -> float:
    """Return the expected score on ``as_of``: elapsed fraction × goal (SPEC §4 pace)."""
    return period.elapsed(as_of) * goal(objective_type, aspirational_goal)


def status_of(score: float | None, expected: float, has_data: bool) -> str:
    """Return done / on-track / at-risk / off-track, or no-data without data or a score."""
    if not has_data or score is None:
        return "no-data"
    if score >= 1.0 - _EPS:
        return "done"
    if score >= expected - 0.1 - _EPS:
        return "on-track"
    if score >= expected - 0.25 - _EPS:
        return "at-risk"
    return "off-track"


@record
class Forecast:
    """Where a least-squares line through the check-ins lands at the period's end."""

    value: float
    score: float | None


def least_squares(points: Sequence[tuple[float, float]], at: float) -> float | None:
    """Return the least-squares line through ``points`` read at x = ``at``; None if x never varies or it overflows.

    The values are scaled by the largest of them first, so sums of values near ±1e308 cannot overflow.
    """
    if len(points) < 2:
        return None
    n = len(points)
    scale = max(abs(y) for _, y in points) or 1.0
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y / scale for _, y in points) / n
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    if spread == 0:
        return None
    slope = sum((x - mean_x) * (y / scale - mean_y) for x, y in points) / spread
    projected = (mean_y + slope * (at - mean_x)) * scale
    return projected if math.isfinite(projected) else None


def forecast(kr: KeyResult, rows: Sequence[tuple[date, float]], period: Period) -> Forecast | None:
    """Return a metric KR's forecast at the period's end from (date, value) rows; None if < 2 days."""
    if kr.kind != "metric":
        return None
    latest_by_day = {day: value for day, value in rows}  # a later row on the same day wins
    points = [(float((day - period.start).days), value) for day, value in latest_by_day.items()]
    projected = least_squares(points, float((period.end - period.start).days))
    if projected is None or not math.isfinite(projected):
        return None
    return Forecast(projected, score_of(kr, projected))


def kpi_health(kpi: Kpi, latest: float | None) -> str:
    """Return healthy / breached against the KPI's range or target (direction-aware), else no-data."""
    if latest is None:
        return "no-data"
    if kpi.range is not None:
        low, high = kpi.range
        return "healthy" if low <= latest <= high else "breached"
    if kpi.target is not None:
        good = latest <= kpi.target if kpi.direction == "decrease" else latest >= kpi.target
        return "healthy" if good else "breached"
    return "no-data"


def mean(values: Iterable[float | None]) -> float | None:
    """Return the mean of the non-null values, None when there are none."""
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def weighted_mean(pairs: Iterable[tuple[float | None, float]]) -> float | None:
    """Return the weighted mean of (value, weight) pairs with a non-null value, None when none."""
    present = [(v, w) for v, w in pairs if v is not None and w > 0]
    if not present:
        return None
    largest = max(w for _, w in present)  # weights relative to the largest: sums of huge weights stay finite
    present = [(v, w / largest) for v, w in present]
    total = sum(w for _, w in present)
    return sum(v * w for v, w in present) / total if total > 0 else None
