"""SMART: relevant, time-bound, qualitative objectives: S208, S209, S210."""

from __future__ import annotations

from collections.abc import Iterator

from okrlint.lint.findings import Severity
from okrlint.lint.quantities import quantities
from okrlint.lint.registry import Hit, RuleContext, rule
from okrlint.lint.rules.walk import key_results, objectives


@rule("S208", "unaligned-objective", Severity.WARNING, "An objective of a non-root team has no `aligns`.")
def unaligned_objective(ctx: RuleContext) -> Iterator[Hit]:
    """
    ## What it does
    Reports an objective of any team other than the root team (`root_team`, default
    `company`) that has no `aligns`.

    ## Why is this bad?
    Relevant objectives serve a goal above them. An objective that aligns to nothing may be
    worthwhile, but nobody can see what it is for, and it falls out of the alignment tree.

    ## Example
    ```yaml
    team: payments
    period: 2026-Q4
    objectives:
      - id: checkout
        title: Make checkout effortless for returning customers
    ```

    ## Use instead
    ```yaml
    # file: okrs/company.yaml
    team: company
    period: 2026-Q4
    objectives:
      - id: grow-revenue
        title: Grow recurring revenue with customers who stay
    # file: okrs/payments.yaml
    team: payments
    period: 2026-Q4
    objectives:
      - id: checkout
        title: Make checkout effortless for returning customers
        aligns: company/grow-revenue
    ```
    """
    root = ctx.config.root_team
    for okr_set, objective in objectives(ctx.repo):
        if okr_set.team != root and not objective.aligns:
            yield (
                objective.loc,
                (
                    f"objective {objective.id!r} aligns to nothing; add `aligns: {root}/<objective-id>` "
                    "to name the higher objective it serves"
                ),
            )


@rule("S209", "due-outside-period", Severity.ERROR, "`due` falls outside the period.")
def due_outside_period(ctx: RuleContext) -> Iterator[Hit]:
    """
    ## What it does
    Reports a key result whose `due` date falls outside its OKR set's period.

    ## Why is this bad?
    A key result belongs to its period: one due after the period ends cannot be scored with it,
    and one due before it starts was already over when the OKRs were written.

    ## Example
    ```yaml
    team: payments
    period: 2026-Q4
    objectives:
      - id: checkout
        title: Make checkout effortless
        key_results:
          - id: one-click
            title: Ship one-click checkout to every EU customer
            milestone: true
            due: 2027-01-15
    ```

    ## Use instead
    ```yaml
    team: payments
    period: 2026-Q4
    objectives:
      - id: checkout
        title: Make checkout effortless
        key_results:
          - id: one-click
            title: Ship one-click checkout to every EU customer
            milestone: true
            due: 2026-12-15
    ```
    """
    for okr_set, _, kr in key_results(ctx.repo):
        period = okr_set.period
        if kr.due is not None and not period.contains_date(kr.due):
            yield (
                kr.at("due"),
                (
                    f"due {kr.due.isoformat()} is outside the period {period.id} ({period.start.isoformat()} to "
                    f"{period.end.isoformat()}); move the date inside it or the key result to the right period"
                ),
            )


@rule("S210", "metric-in-objective", Severity.INFO, "An objective's title carries numbers.")
def metric_in_objective(ctx: RuleContext) -> Iterator[Hit]:
    """
    ## What it does
    Reports an objective whose title states a quantity (`Grow revenue 20%`). Dates, quarters
    and years (`in Q4`, `2026`) are fine.

    ## Why is this bad?
    The objective says *what* and *why* in words that inspire; the key results say *how much*.
    Numbers in the objective duplicate (and soon contradict) the key results.

    ## Example
    ```yaml
    team: sales
    period: 2026-Q4
    objectives:
      - id: revenue
        title: Grow revenue by 20% to $7M
    ```

    ## Use instead
    ```yaml
    team: sales
    period: 2026-Q4
    objectives:
      - id: revenue
        title: Grow recurring revenue with customers who stay
        key_results:
          - id: arr
            title: Grow ARR from $5.8M to $7M
            baseline: 5800000
            target: 7000000
            unit: USD
    ```
    """
    for _, objective in objectives(ctx.repo):
        if any(q.unit != "cadence" for q in quantities(objective.title)):  # "a daily habit" carries no number
            yield (
                objective.at("title"),
                (
                    f"objective {objective.id!r} has numbers in its title; keep the objective qualitative "
                    "and move the numbers into its key results"
                ),
            )
