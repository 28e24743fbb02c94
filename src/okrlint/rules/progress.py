"""Progress over time: stale key results and missed commitments (T404, T405)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from okrlint.findings import Severity
from okrlint.model import CheckIn, KeyResult, OkrSet
from okrlint.rules.registry import Hit, RuleContext, rule
from okrlint.rules.walk import checkins_by_kr, key_results, kr_ref, measurements_by_kpi


def _latest(rows: Sequence[CheckIn], as_of: date) -> CheckIn | None:
    """Return the latest row dated on or before ``as_of`` (on a tie, the later row)."""
    dated = [row for row in rows if row.date <= as_of]
    return max(reversed(dated), key=lambda row: row.date, default=None) if dated else None


def _score(kr: KeyResult, value: float | bool | None) -> float | None:
    """Return a KR's score for its current value by SPEC §4 (None when it cannot be scored).

    TODO(lead): replace with okrlint.scoring once it lands, so the logic lives in one place.
    """
    if kr.kind == "milestone":
        return 1.0 if value is True else 0.0 if value is None or value is False else min(1.0, max(0.0, value))
    current = kr.baseline if value is None or isinstance(value, bool) else value
    if kr.kind == "metric" and kr.target is not None:
        if current is None or kr.baseline is None or kr.target == kr.baseline:
            return None
        return min(1.0, max(0.0, (current - kr.baseline) / (kr.target - kr.baseline)))
    if kr.kind == "range" and kr.range is not None:
        low, high = kr.range
        if current is not None and low <= current <= high:
            return 1.0
        base = kr.baseline
        if current is None or base is None:
            return 0.0
        bound = low if current < low else high
        if (current < low and base < low) or (current > high and base > high):
            return min(1.0, max(0.0, (current - base) / (bound - base)))
        return 0.0
    return None


def _shown(value: float | bool) -> str:
    return str(value).lower() if isinstance(value, bool) else f"{value:g}"


@rule("T404", "stale-key-result", Severity.WARNING, "A running KR has had no recent check-in.")
def stale_key_result(ctx: RuleContext) -> Iterator[Hit]:
    """
    ## What it does
    While its period runs (as of `--as-of`, default today), reports a key result with no
    check-in in the last `stale_after_days` (default 14) days. Measurements of the KPI a key
    result links to (`kpi:`) count as check-ins. In the first `stale_after_days` of a period
    nothing is stale yet.

    ## Why is this bad?
    OKRs set in January and looked at in March are wishes, not goals. A regular check-in is
    how a team notices early that a key result is slipping.

    ## Example
    ```yaml
    # okrlint lint --as-of 2026-11-23
    # file: okrs/payments.yaml
    team: payments
    period: 2026-Q4
    objectives:
      - id: checkout
        title: Make checkout effortless
        key_results:
          - {id: latency, title: Cut p95 latency from 1200 ms to 400 ms, baseline: 1200, target: 400, unit: ms}
    # file: okrs/checkins/payments.yaml
    team: payments
    checkins:
      - date: 2026-10-12
        kr: checkout/latency
        value: 1100
    ```

    ## Use instead
    ```yaml
    # okrlint lint --as-of 2026-11-23
    # file: okrs/payments.yaml
    team: payments
    period: 2026-Q4
    objectives:
      - id: checkout
        title: Make checkout effortless
        key_results:
          - {id: latency, title: Cut p95 latency from 1200 ms to 400 ms, baseline: 1200, target: 400, unit: ms}
    # file: okrs/checkins/payments.yaml
    team: payments
    checkins:
      - date: 2026-10-12
        kr: checkout/latency
        value: 1100
      - date: 2026-11-16
        kr: checkout/latency
        value: 820
    ```
    """
    as_of, days = ctx.as_of, ctx.config.stale_after_days
    by_kr, by_kpi = checkins_by_kr(ctx.repo), measurements_by_kpi(ctx.repo)
    for okr_set, objective, kr in key_results(ctx.repo):
        period = okr_set.period
        if not period.start <= as_of <= period.end:
            continue
        ref = kr_ref(okr_set, objective, kr)
        rows = [*by_kr.get(ref, ()), *(by_kpi.get(kr.kpi, ()) if kr.kpi else ())]
        last = _latest([row for row in rows if row.date >= period.start], as_of)
        since = last.date if last is not None else period.start
        if (as_of - since).days > days:
            what = f"since {since.isoformat()}" if last is not None else "yet"
            yield (
                kr.loc,
                (
                    f"key result {objective.id}/{kr.id} has had no check-in {what} ({(as_of - since).days} days "
                    f"before {as_of.isoformat()}, more than {days}); add one: okrlint checkin {ref} VALUE"
                ),
            )


def _current(
    kr: KeyResult, okr_set: OkrSet, rows: Sequence[CheckIn], kpi_rows: Sequence[CheckIn], as_of: date
) -> float | bool | None:
    """Return the KR's current value as of ``as_of`` (SPEC §4), None when it has no data."""
    latest = _latest(rows, as_of)
    if latest is None:
        inside = [row for row in kpi_rows if okr_set.period.contains_date(row.date)]
        latest = _latest(inside, as_of)
    return latest.value if latest is not None else None


@rule("T405", "missed-commitment", Severity.WARNING, "A committed objective's KR scored below 1.0.")
def missed_commitment(ctx: RuleContext) -> Iterator[Hit]:
    """
    ## What it does
    Once a period is over (as of `--as-of`, default today), reports each key result of a
    `committed` objective that scored below 1.0.

    ## Why is this bad?
    A committed objective is a promise the rest of the company plans around: anything short of
    full delivery needs a visible explanation and a follow-up, not a quiet roll-over.

    ## Example
    ```yaml
    # okrlint lint --as-of 2027-01-20
    # file: okrs/payments.yaml
    team: payments
    period: 2026-Q4
    objectives:
      - id: checkout
        title: Make checkout effortless
        type: committed
        key_results:
          - {id: latency, title: Cut p95 latency from 1200 ms to 400 ms, baseline: 1200, target: 400, unit: ms}
    # file: okrs/checkins/payments.yaml
    team: payments
    checkins:
      - date: 2026-12-28
        kr: checkout/latency
        value: 650
    ```

    ## Use instead
    ```yaml
    # okrlint lint --as-of 2027-01-20
    # file: okrs/payments.yaml
    team: payments
    period: 2026-Q4
    objectives:
      - id: checkout
        title: Make checkout effortless
        type: committed
        key_results:
          - {id: latency, title: Cut p95 latency from 1200 ms to 400 ms, baseline: 1200, target: 400, unit: ms}
    # file: okrs/checkins/payments.yaml
    team: payments
    checkins:
      - date: 2026-12-28
        kr: checkout/latency
        value: 390
    ```
    """
    as_of = ctx.as_of
    by_kr, by_kpi = checkins_by_kr(ctx.repo), measurements_by_kpi(ctx.repo)
    for okr_set, objective, kr in key_results(ctx.repo):
        if objective.type != "committed" or as_of <= okr_set.period.end:
            continue
        rows = by_kr.get(kr_ref(okr_set, objective, kr), [])
        current = _current(kr, okr_set, rows, by_kpi.get(kr.kpi, []) if kr.kpi else [], as_of)
        score = _score(kr, current)
        if score is not None and score < 1.0:
            shown = "no check-in" if current is None else f"last value {_shown(current)}"
            yield (
                kr.loc,
                (
                    f"committed key result {objective.id}/{kr.id} ended {okr_set.period.id} at a score of "
                    f"{score:.2f} ({shown}); record what was missed and why, and the follow-up"
                ),
            )
