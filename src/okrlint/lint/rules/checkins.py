"""Check-in log hygiene: T401, T402, T403."""

from __future__ import annotations

import math
from collections.abc import Iterator

from okrlint.lint.findings import Severity
from okrlint.lint.registry import Hit, RuleContext, rule
from okrlint.model.repository import KrRef
from okrlint.model.rowgroups import RowGroup, group_rows, subjects_of
from okrlint.model.rows import CheckInRows, rows_of
from okrlint.util.numbers import plain_number


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
    for log in ctx.repo.logs:
        rows = rows_of(log)
        for position, day, ref in rows.scan("position", "date", "resolved"):
            found = ctx.repo.key_result(ref) if ref is not None else None
            if found is None:
                continue
            period = found[0].period
            if not period.contains_date(day, grace):
                yield (
                    rows[position].at("date"),
                    (
                        f"check-in dated {day.isoformat()} is outside {ref}'s period {period.id} "
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
    for subject, group in subjects_of(group_rows(ctx.repo.logs)):
        yield from _conflicts(subject, group)


def _conflicts(subject: str, group: RowGroup) -> Iterator[Hit]:
    """Yield T402's findings among the rows of one KR or KPI (``group``, in file order)."""
    latest: tuple[CheckInRows, int, int] | None = None  # the latest row so far of the current log
    first_on_day: dict[int, int] = {}
    for i, ordinal in enumerate(group.ordinals()):
        rows, position = group.place(i)
        if latest is not None and latest[0] is rows and ordinal < latest[2]:
            row, before = rows[position], rows[latest[1]]
            yield (
                row.at("date"),
                (
                    f"check-in of {subject} dated {row.date.isoformat()} comes after one dated "
                    f"{before.date.isoformat()} (line {before.loc.line}); keep rows in date order"
                ),
            )
        else:
            latest = (rows, position, ordinal)
        first = first_on_day.setdefault(ordinal, i)
        if first != i and not _same_value(group.value(first), group.value(i)):
            row, same_day = group[i], group[first]
            where = f"line {same_day.loc.line}" if same_day.loc.path == row.loc.path else same_day.loc.path
            yield (
                row.at("value"),
                (
                    f"{subject} has two values on {row.date.isoformat()}: {_shown(same_day.value)} ({where}) "
                    f"and {_shown(row.value)}; keep one row per day"
                ),
            )


def _value_problem(ctx: RuleContext, value: float | bool | None, kpi: str | None, ref: KrRef | None) -> str | None:
    """Return why a row's value is wrong for what it reports on (its KPI or resolved KR), None when it is fine."""
    if isinstance(value, float) and not math.isfinite(value):
        return f"value {value} is not a finite number"
    found = ctx.repo.key_result(ref) if ref is not None else None
    kind = found[2].kind if found is not None else None
    if kind == "milestone":
        if not isinstance(value, bool) and value is not None and not 0 <= value <= 1:
            return (
                f"milestone key result {ref} takes true, false or the fraction done (0 to 1), not {plain_number(value)}"
            )
    elif isinstance(value, bool) and (kpi is not None or kind in ("metric", "range")):
        what = f"KPI {kpi}" if kpi is not None else f"{kind} key result {ref}"
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
    for log in ctx.repo.logs:
        rows = rows_of(log)
        for position, kpi, ref, value, confidence in rows.scan("position", "kpi", "resolved", "value", "confidence"):
            problem = _value_problem(ctx, value, kpi, ref)
            if problem is not None:
                yield rows[position].at("value"), f"{problem}; fix the value"
            if confidence is not None and not (math.isfinite(confidence) and 0 <= confidence <= 1):
                yield (
                    rows[position].at("confidence"),
                    (f"confidence {plain_number(confidence)} is outside 0–1; write it as a fraction (0.7 for 70%)"),
                )
