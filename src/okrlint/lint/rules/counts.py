"""How many objectives and key results: C101, C102, C103, C104."""

from __future__ import annotations

from collections.abc import Iterator

from okrlint.lint.findings import Severity
from okrlint.lint.registry import Hit, RuleContext, rule
from okrlint.lint.rules.walk import objectives
from okrlint.util.text import plural


@rule("C101", "too-few-objectives", Severity.WARNING, "An OKR set has fewer than `objectives.min` objectives.")
def too_few_objectives(ctx: RuleContext) -> Iterator[Hit]:
    """
    ## What it does
    Reports an OKR set with fewer objectives than the `objectives.min` setting (default 3),
    at its `objectives` key.

    ## Why is this bad?
    One or two objectives usually mean the team's real priorities are written somewhere else,
    or that a single objective is doing the work of several.

    ## Example
    ```yaml
    team: payments
    period: 2026-Q4
    objectives:
      - id: effortless-checkout
        title: Make checkout effortless for returning customers
    ```

    ## Use instead
    ```yaml
    team: payments
    period: 2026-Q4
    objectives:
      - id: effortless-checkout
        title: Make checkout effortless for returning customers
      - id: fraud
        title: Stop fraud before it reaches our merchants
      - id: payouts
        title: Pay merchants out on the day they expect it
    ```
    """
    low = ctx.config.objectives.min
    for okr_set in ctx.repo.okr_sets:
        count = len(okr_set.objectives)
        if count < low:
            yield (
                okr_set.objectives_loc or okr_set.loc,
                (
                    f"the OKR set has {plural(count, 'objective')}, fewer than {low}; "
                    "add the team's other priorities as objectives (or lower objectives.min)"
                ),
            )


@rule("C102", "too-many-objectives", Severity.ERROR, "An OKR set has more than `objectives.max` objectives.")
def too_many_objectives(ctx: RuleContext) -> Iterator[Hit]:
    """
    ## What it does
    Reports an OKR set with more objectives than the `objectives.max` setting (default 5),
    at its `objectives` key.

    ## Why is this bad?
    OKRs are about focus: when everything is an objective, nothing is. Past five objectives a
    team cannot keep them all in mind, let alone move them all in one quarter.

    ## Example
    ```yaml
    team: payments
    period: 2026-Q4
    objectives:
      - {id: one, title: Make checkout effortless}
      - {id: two, title: Stop fraud at the door}
      - {id: three, title: Pay merchants on time}
      - {id: four, title: Win the enterprise segment}
      - {id: five, title: Make on-call calm}
      - {id: six, title: Be the best place to work}
    ```

    ## Use instead
    ```yaml
    team: payments
    period: 2026-Q4
    objectives:
      - {id: one, title: Make checkout effortless}
      - {id: two, title: Stop fraud at the door}
      - {id: three, title: Pay merchants on time}
    ```
    """
    high = ctx.config.objectives.max
    for okr_set in ctx.repo.okr_sets:
        count = len(okr_set.objectives)
        if count > high:
            yield (
                okr_set.objectives_loc or okr_set.loc,
                (
                    f"the OKR set has {count} objectives, more than {high}; "
                    "keep the few that matter most this period and drop or merge the rest"
                ),
            )


@rule("C103", "too-few-key-results", Severity.WARNING, "An objective has fewer than `key_results.min` key results.")
def too_few_key_results(ctx: RuleContext) -> Iterator[Hit]:
    """
    ## What it does
    Reports an objective with fewer key results than the `key_results.min` setting (default 3),
    at its `key_results` key (or at the objective when it has none).

    ## Why is this bad?
    One key result rarely captures an objective: it invites gaming that single number. Two or
    three complementary results (speed *and* quality) show whether the objective is really met.

    ## Example
    ```yaml
    team: payments
    period: 2026-Q4
    objectives:
      - id: effortless-checkout
        title: Make checkout effortless for returning customers
        key_results:
          - id: conversion
            title: Raise checkout conversion from 58% to 64%
            baseline: 58
            target: 64
            unit: "%"
    ```

    ## Use instead
    ```yaml
    team: payments
    period: 2026-Q4
    objectives:
      - id: effortless-checkout
        title: Make checkout effortless for returning customers
        key_results:
          - id: conversion
            title: Raise checkout conversion from 58% to 64%
            baseline: 58
            target: 64
            unit: "%"
          - id: latency
            title: Cut p95 checkout latency from 1200 ms to 400 ms
            baseline: 1200
            target: 400
            unit: ms
          - id: one-click
            title: Ship one-click checkout to every EU customer
            milestone: true
    ```
    """
    low = ctx.config.key_results.min
    for _, objective in objectives(ctx.repo):
        count = len(objective.key_results)
        if count < low:
            yield (
                objective.key_results_loc or objective.loc,
                (
                    f"objective {objective.id!r} has {plural(count, 'key result')}, fewer than {low}; "
                    "add key results that together show the objective is met"
                ),
            )


@rule("C104", "too-many-key-results", Severity.ERROR, "An objective has more than `key_results.max` key results.")
def too_many_key_results(ctx: RuleContext) -> Iterator[Hit]:
    """
    ## What it does
    Reports an objective with more key results than the `key_results.max` setting (default 5),
    at its `key_results` key.

    ## Why is this bad?
    A long list of key results is usually a task list in disguise, and it dilutes the score:
    no single result matters any more.

    ## Example
    ```yaml
    team: payments
    period: 2026-Q4
    objectives:
      - id: effortless-checkout
        title: Make checkout effortless
        key_results:
          - {id: a, title: Raise conversion from 58% to 64%, baseline: 58, target: 64, unit: "%"}
          - {id: b, title: Cut p95 latency from 1200 ms to 400 ms, baseline: 1200, target: 400, unit: ms}
          - {id: c, title: Cut checkout errors from 0.9% to 0.3%, baseline: 0.9, target: 0.3, unit: "%"}
          - {id: d, title: Raise saved-card use from 20% to 40%, baseline: 20, target: 40, unit: "%"}
          - {id: e, title: Cut abandoned carts from 30% to 22%, baseline: 30, target: 22, unit: "%"}
          - {id: f, title: Raise checkout CSAT from 4.1 to 4.5, baseline: 4.1, target: 4.5, unit: points}
    ```

    ## Use instead
    ```yaml
    team: payments
    period: 2026-Q4
    objectives:
      - id: effortless-checkout
        title: Make checkout effortless
        key_results:
          - {id: a, title: Raise conversion from 58% to 64%, baseline: 58, target: 64, unit: "%"}
          - {id: b, title: Cut p95 latency from 1200 ms to 400 ms, baseline: 1200, target: 400, unit: ms}
          - {id: c, title: Cut checkout errors from 0.9% to 0.3%, baseline: 0.9, target: 0.3, unit: "%"}
    ```
    """
    high = ctx.config.key_results.max
    for _, objective in objectives(ctx.repo):
        count = len(objective.key_results)
        if count > high:
            yield (
                objective.key_results_loc or objective.loc,
                (
                    f"objective {objective.id!r} has {count} key results, more than {high}; "
                    "keep the results that best show the objective is met, move the rest to a task list"
                ),
            )
