"""SMART: do a key result's numbers hold together? S205, S206, S207."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator

from okrlint.lint.agreement import agrees, said_numbers
from okrlint.lint.findings import Severity
from okrlint.lint.quantities import Quantity, numbers_match, zone_numbers
from okrlint.lint.registry import Hit, RuleContext, rule
from okrlint.lint.rules.walk import key_results
from okrlint.lint.wording import judged_text
from okrlint.model.repository import KeyResult, Loc
from okrlint.util.lazyre import lazy_compile
from okrlint.util.numbers import plain_number, scientific

_PERCENT_UNITS = frozenset({"%", "percent", "pct"})
_NOT_A_SHARE_RE = lazy_compile(
    r"\b(?:quota|plan|budget|target|forecast|attainment|goal|retention|nrr|ndr|grr|growth|uplift|increase|yoy|qoq"
    r"|mom|year[\s-]over[\s-]year|of\s+(?:baseline|last\s+\w+))\b|(?<![\w.])\+\s?\d",
    re.IGNORECASE,
)


def _zone_contradictions(kr: KeyResult, named: dict[str, float]) -> list[str]:
    """Return where a title's "commit A, target B, stretch C" differs from the KR's fields."""
    problems = []
    for key, said in named.items():
        field = {"commit": kr.commit, "target": kr.target, "stretch": kr.stretch}[key]
        if field is None:
            problems.append(f"the title names {key} {said:g} but the key result has no {key}")
        elif not numbers_match(said, field):
            problems.append(f"the title names {key} {said:g} but {key} is {field:g}")
    return problems


def _contradictions(kr: KeyResult) -> list[str]:
    """Return what the title's numbers say that the KR's fields do not."""
    text = judged_text(kr.title)  # "KR2: from 4 to 6": the label's number is not the baseline
    said_from, said_to = said_numbers(text, kr.unit)
    named = zone_numbers(text) if kr.kind == "metric" else {}
    if said_to is not None and any(agrees(said_to, v, kr.unit) for k, v in named.items() if k != "target"):
        said_to = None  # "... commit 45, target 50": the number after "to"/"at" is a zone point, not the target
    problems = _zone_contradictions(kr, named)
    if said_from is not None and kr.baseline is not None and not agrees(said_from, kr.baseline, kr.unit):
        problems.append(f"the title starts from {_shown(text, said_from)} but baseline is {plain_number(kr.baseline)}")
    if (
        said_to is not None
        and kr.kind == "metric"
        and kr.target is not None
        and not agrees(said_to, kr.target, kr.unit)
    ):
        problems.append(f"the title aims for {_shown(text, said_to)} but target is {plain_number(kr.target)}")
    band = kr.range if kr.kind == "range" else None
    if said_to is not None and band is not None and not any(agrees(said_to, bound, kr.unit) for bound in band):
        low, high = plain_number(band[0]), plain_number(band[1])
        problems.append(f"the title aims for {_shown(text, said_to)} but range is {low}–{high}")
    return problems


def _shown(title: str, q: Quantity) -> str:
    """Return a title quantity as written, with its value when the writing hides it ("$1.2M" = 1200000)."""
    written = unicodedata.normalize("NFKC", title)[q.start : q.end].strip()
    value = plain_number(q.value) if q.value is not None else ""
    if q.per and q.value is not None:
        value = f"{plain_number(100 * q.value / q.per)}%"
    return written if written.replace(",", "") in (value, value + "%") else f"{written} (= {value})"


def _times(factor: float) -> str:
    """Return a change factor for a message; one beyond the floats reads as such, not as ``inf``."""
    return scientific(factor) if math.isfinite(factor) else "more than 1.8×10³⁰⁸"


@rule("S205", "title-contradicts-fields", Severity.WARNING, "Numbers in the title differ from `baseline`/`target`.")
def title_contradicts_fields(ctx: RuleContext) -> Iterator[Hit]:
    """
    ## What it does
    Compares the headline numbers a key result's title states — "from A to B", "A → B", "to
    B", "at least B", "below B" — with its `baseline` and `target` (or `range`), read in the
    KR's unit, and reports the title when they differ. Equal numbers may be written
    differently: `1,200`, `1.2k` and `1200` agree; a scale word or suffix (`k`, `thousand`,
    `M`, `million`, `bn`) agrees with the full value or with a unit that carries the scale
    (`kUSD`, `MUSD`, `k users`), and "from 1.2 to 1.5 million" scales both ends; `3/4` is 75 %.
    Numbers in side clauses are not the target: "within 10 minutes", "for 2 quarters", "at
    least 3 days off", "over 3/4 of active teams", and a duration on a KR measured in another
    unit.
    A title that names stretch-zone points ("commit 40, target 50, stretch 60") is compared
    point by point with `commit`, `target` and `stretch`.

    ## Why is this bad?
    People read the title; the scorecard reads the fields. When someone updates one and not the
    other, the team argues about which is the real goal.

    ## Example
    ```yaml
    team: payments
    period: 2026-Q4
    objectives:
      - id: checkout
        title: Make checkout effortless
        key_results:
          - id: latency
            title: Cut p95 checkout latency from 1200 ms to 400 ms
            baseline: 1100
            target: 400
            unit: ms
    ```

    ## Use instead
    ```yaml
    team: payments
    period: 2026-Q4
    objectives:
      - id: checkout
        title: Make checkout effortless
        key_results:
          - id: latency
            title: Cut p95 checkout latency from 1.2k ms to 400 ms
            baseline: 1200
            target: 400
            unit: ms
    ```
    """
    for _, _, kr in key_results(ctx.repo):
        if kr.kind in ("metric", "range"):
            problems = _contradictions(kr)
            if problems:
                yield kr.at("title"), "; ".join(problems) + "; make the title and the fields agree"


@rule("S206", "no-change", Severity.ERROR, "`target` equals `baseline`.")
def no_change(ctx: RuleContext) -> Iterator[Hit]:
    """
    ## What it does
    Reports a metric key result whose `target` equals its `baseline`.

    ## Why is this bad?
    A key result asks for a change. With no change to make, the score is undefined (progress is
    divided by target − baseline) and the key result is done before it starts. To hold a level,
    use a range KR.

    ## Example
    ```yaml
    team: platform
    period: 2026-Q4
    objectives:
      - id: reliable
        title: Stay dependable through peak season
        key_results:
          - id: uptime
            title: Hold uptime at 99.9%
            baseline: 99.9
            target: 99.9
            unit: "%"
    ```

    ## Use instead
    ```yaml
    team: platform
    period: 2026-Q4
    objectives:
      - id: reliable
        title: Stay dependable through peak season
        key_results:
          - id: uptime
            title: Keep uptime between 99.9% and 100%
            range: {min: 99.9, max: 100}
            baseline: 99.9
            unit: "%"
    ```
    """
    for _, _, kr in key_results(ctx.repo):
        if kr.kind == "metric" and kr.baseline is not None and kr.target == kr.baseline:
            yield (
                kr.at("target"),
                (
                    f"target equals baseline ({plain_number(kr.baseline)}): there is nothing to change; "
                    "set the value to reach, "
                    "or use `range: {min, max}` to hold a level"
                ),
            )


def _outside_percent(kr: KeyResult) -> Iterator[tuple[Loc, str, float]]:
    """Yield each percentage field of ``kr`` outside 0–100, with its location and value."""
    values = [("baseline", kr.baseline), ("target", kr.target)]
    if kr.range is not None:
        values += [("range", kr.range[0]), ("range", kr.range[1])]
    for name, value in values:
        if value is not None and not 0 <= value <= 100:
            yield kr.at(name), name, value


@rule("S207", "implausible-target", Severity.WARNING, "The target/baseline ratio or a `%` value is implausible.")
def implausible_target(ctx: RuleContext) -> Iterator[Hit]:
    """
    ## What it does
    Reports a metric key result whose target is more than `max_change_factor` (default 10)
    times its baseline, or less than a tenth of it, and a key result in `%` whose baseline,
    target or range lies outside 0–100 — a share of people, users or tickets cannot. Attainment
    of a plan, quota, budget or target ("180% of quota"), retention ("net dollar retention
    130%") and growth ("+250%", "YoY growth") are not shares and may pass 100.

    ## Why is this bad?
    A 40-fold jump in one quarter is almost always a typo or a unit mix-up (0.5 vs 50 %, USD vs
    thousands of USD). If it is real, it deserves a second look before the team commits to it.

    ## Example
    ```yaml
    team: payments
    period: 2026-Q4
    objectives:
      - id: checkout
        title: Make checkout effortless
        key_results:
          - id: conversion
            title: Raise checkout conversion from 0.58 to 64%
            baseline: 0.58
            target: 64
            unit: "%"
    ```

    ## Use instead
    ```yaml
    team: payments
    period: 2026-Q4
    objectives:
      - id: checkout
        title: Make checkout effortless
        key_results:
          - id: conversion
            title: Raise checkout conversion from 58% to 64%
            baseline: 58
            target: 64
            unit: "%"
    ```
    """
    limit = ctx.config.max_change_factor
    for _, _, kr in key_results(ctx.repo):
        base, target = kr.baseline, kr.target
        same_sign = base is not None and target is not None and base != 0 and (base > 0) == (target > 0)
        if kr.kind == "metric" and same_sign and base is not None and target is not None:
            factor = max(target / base, base / target)
            if factor > limit:
                yield (
                    kr.at("target"),
                    (
                        f"target {plain_number(target)} is {_times(factor)} times "
                        f"{'above' if abs(target) > abs(base) else 'below'} the baseline {plain_number(base)}, "
                        f"beyond max_change_factor ({plain_number(limit)}); check the numbers and their unit"
                    ),
                )
        if (kr.unit or "").strip().lower() in _PERCENT_UNITS and not _NOT_A_SHARE_RE.search(kr.title):
            shown: set[Loc] = set()
            for loc, name, value in _outside_percent(kr):
                if loc not in shown:
                    shown.add(loc)
                    yield (
                        loc,
                        (
                            f"{name} {plain_number(value)}% is outside 0–100%; "
                            "write percentages as 0–100 (64, not 0.64 or 6400)"
                        ),
                    )
