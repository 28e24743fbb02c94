"""Progress over time: stale key results and missed commitments (T404, T405)."""

from __future__ import annotations

from collections.abc import Iterator

from okrlint.lint.findings import Severity
from okrlint.lint.registry import Hit, RuleContext, rule
from okrlint.lint.rules.walk import key_results, kr_ref
from okrlint.model.rowgroups import NO_ROWS
from okrlint.scoring.scores import score_key_result
from okrlint.util.numbers import plain_number


def _shown(value: float | bool) -> str:
    return str(value).lower() if isinstance(value, bool) else f"{plain_number(value)}"


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
    checkins = ctx.checkins
    for okr_set, objective, kr in key_results(ctx.repo):
        period = okr_set.period
        if not period.start <= as_of <= period.end:
            continue
        ref = kr_ref(okr_set, objective, kr)
        groups = (checkins.by_kr.get(ref, NO_ROWS), checkins.by_kpi.get(kr.kpi, NO_ROWS) if kr.kpi else NO_ROWS)
        # Groups are in date order: the latest check-in of each is its last row.
        dates = [day for group in groups if (day := group.last_date()) is not None and day >= period.start]
        since = max(dates, default=period.start)
        if (as_of - since).days > days:
            what = f"since {since.isoformat()}" if dates else "yet"
            yield (
                kr.loc,
                (
                    f"key result {objective.id}/{kr.id} has had no check-in {what} ({(as_of - since).days} days "
                    f"before {as_of.isoformat()}, more than {days}); add one: okrlint checkin {ref} VALUE"
                ),
            )


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
    checkins = ctx.checkins
    for okr_set, objective, kr in key_results(ctx.repo):
        if objective.type != "committed" or as_of <= okr_set.period.end:
            continue
        scored = score_key_result(okr_set, objective, kr, checkins)
        if scored.score is not None and scored.score < 1.0:
            shown = f"last value {_shown(scored.current)}" if scored.rows and scored.current is not None else "no data"
            yield (
                kr.loc,
                (
                    f"committed key result {objective.id}/{kr.id} ended {okr_set.period.id} at a score of "
                    f"{scored.score:.2f} ({shown}); record what was missed and why, and the follow-up"
                ),
            )
