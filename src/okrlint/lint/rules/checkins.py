"""Check-in log hygiene: T401, T402, T403."""

from __future__ import annotations

import math
from collections.abc import Iterator

from okrlint.lint.findings import Severity
from okrlint.lint.registry import Hit, RuleContext, rule
from okrlint.model.repository import CheckIn
from okrlint.util.numbers import plain_number


def _subject(row: CheckIn) -> str | None:
    """Return what a row reports on (its resolved KR or its KPI), None when it names nothing known."""
    if row.kpi is not None:
        return f"KPI {row.kpi}"
    return f"key result {row.resolved}" if row.resolved is not None else None


def _same_value(a: float | bool | None, b: float | bool | None) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return a == b


def _shown(value: float | bool | None) -> str:
    return str(value).lower() if isinstance(value, bool) else f"{plain_number(value)}" if value is not None else "null"


@rule("T401", "checkin-outside-period", Severity.WARNING, "A check-in is dated outside its KR's period.")
def checkin_outside_period(ctx: RuleContext) -> Iterator[Hit]:
    """
    ## What it does
    Reports a key-result check-in dated outside its key result's period, allowing
    `grace_days` (default 14) either side for late and early reports.

    ## Why is this bad?
    A check-in from another quarter usually means a typo in the date or a row filed against the
    wrong period; either way it moves the wrong score.

    ## Example
    ```yaml
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
    period: 2026-Q4
    checkins:
      - date: 2026-06-12
        kr: checkout/latency
        value: 1100
    ```

    ## Use instead
    ```yaml
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
    period: 2026-Q4
    checkins:
      - date: 2026-10-12
        kr: checkout/latency
        value: 1100
    ```
    """
    grace = ctx.config.grace_days
    for row in ctx.repo.checkins():
        found = ctx.repo.key_result(row.resolved) if row.resolved is not None else None
        if found is None:
            continue
        period = found[0].period
        if not period.contains_date(row.date, grace):
            yield (
                row.at("date"),
                (
                    f"check-in dated {row.date.isoformat()} is outside {row.resolved}'s period {period.id} "
                    f"({period.start.isoformat()} to {period.end.isoformat()}, plus {grace} grace days); "
                    "fix the date or report on the right period's key result"
                ),
            )


@rule("T402", "checkin-conflict", Severity.WARNING, "Check-ins go back in date, or disagree on one date.")
def checkin_conflict(ctx: RuleContext) -> Iterator[Hit]:
    """
    ## What it does
    Reports a check-in row that is dated before an earlier row of the same key result or KPI
    in the same file (logs are kept in date order), and a row that gives a different value
    than another row of the same key result or KPI on the same date.

    ## Why is this bad?
    The scorecard takes the latest value: rows out of order or two values for one day make
    "latest" ambiguous, and the chart zig-zags.

    ## Example
    ```yaml
    checkins:
      - date: 2026-10-12
        kpi: nps
        value: 62
      - date: 2026-10-05
        kpi: nps
        value: 61
    ```

    ## Use instead
    ```yaml
    checkins:
      - date: 2026-10-05
        kpi: nps
        value: 61
      - date: 2026-10-12
        kpi: nps
        value: 62
    ```
    """
    first_on_day: dict[tuple[str, object], CheckIn] = {}
    for log in ctx.repo.logs:
        latest: dict[str, CheckIn] = {}
        for row in log.rows:
            subject = _subject(row)
            if subject is None:
                continue
            before = latest.get(subject)
            if before is not None and row.date < before.date:
                yield (
                    row.at("date"),
                    (
                        f"check-in of {subject} dated {row.date.isoformat()} comes after one dated "
                        f"{before.date.isoformat()} (line {before.loc.line}); keep rows in date order"
                    ),
                )
            else:
                latest[subject] = row
            same_day = first_on_day.setdefault((subject, row.date), row)
            if same_day is not row and not _same_value(same_day.value, row.value):
                where = f"line {same_day.loc.line}" if same_day.loc.path == row.loc.path else same_day.loc.path
                yield (
                    row.at("value"),
                    (
                        f"{subject} has two values on {row.date.isoformat()}: {_shown(same_day.value)} ({where}) "
                        f"and {_shown(row.value)}; keep one row per day"
                    ),
                )


def _value_problem(ctx: RuleContext, row: CheckIn) -> str | None:
    """Return why a row's value is wrong for what it reports on, None when it is fine."""
    value = row.value
    if isinstance(value, float) and not math.isfinite(value):
        return f"value {value} is not a finite number"
    found = ctx.repo.key_result(row.resolved) if row.resolved is not None else None
    kind = found[2].kind if found is not None else None
    if kind == "milestone":
        if not isinstance(value, bool) and value is not None and not 0 <= value <= 1:
            return (
                f"milestone key result {row.resolved} takes true, false or the fraction done (0 to 1), "
                f"not {plain_number(value)}"
            )
    elif isinstance(value, bool) and (row.kpi is not None or kind in ("metric", "range")):
        what = f"KPI {row.kpi}" if row.kpi is not None else f"{kind} key result {row.resolved}"
        return f"{what} takes a number, not {_shown(value)}"
    return None


@rule("T403", "invalid-checkin-value", Severity.ERROR, "A check-in value or confidence is invalid.")
def invalid_checkin_value(ctx: RuleContext) -> Iterator[Hit]:
    """
    ## What it does
    Reports a check-in value of the wrong type for what it reports on — `true`/`false` for a
    metric or range key result or a KPI, a number outside 0–1 for a milestone key result —
    a value that is NaN or infinite, and a `confidence` outside 0–1.

    ## Why is this bad?
    A value the scorecard cannot interpret is silently dropped or, worse, scored as something
    else: `true` would count as 1 for a latency in milliseconds.

    ## Example
    ```yaml
    checkins:
      - date: 2026-10-12
        kpi: nps
        value: .nan
        confidence: 70
    ```

    ## Use instead
    ```yaml
    checkins:
      - date: 2026-10-12
        kpi: nps
        value: 64
        confidence: 0.7
    ```
    """
    for row in ctx.repo.checkins():
        problem = _value_problem(ctx, row)
        if problem is not None:
            yield row.at("value"), f"{problem}; fix the value"
        confidence = row.confidence
        if confidence is not None and not (math.isfinite(confidence) and 0 <= confidence <= 1):
            yield (
                row.at("confidence"),
                (f"confidence {plain_number(confidence)} is outside 0–1; write it as a fraction (0.7 for 70%)"),
            )
