"""KPI catalogue hygiene: Q304, Q305."""

from __future__ import annotations

from collections.abc import Iterator

from okrlint.lint.findings import Severity
from okrlint.lint.registry import Hit, RuleContext, rule
from okrlint.lint.rules.walk import key_results
from okrlint.model.rows import rows_of


@rule("Q304", "kpi-without-source", Severity.ERROR, "A KPI has no `source`.")
def kpi_without_source(ctx: RuleContext) -> Iterator[Hit]:
    """
    ## What it does
    Reports a KPI of the catalogue that has no `source`: where its numbers come from.

    ## Why is this bad?
    A number without a defined source is an opinion: two people measure it two ways and the
    trend line becomes noise. Name the report, query or export it is read from.

    ## Example
    ```yaml
    kpis:
      - id: nps
        name: Net Promoter Score
        unit: points
    ```

    ## Use instead
    ```yaml
    kpis:
      - id: nps
        name: Net Promoter Score
        unit: points
        source: Monthly survey export, question 1
    ```
    """
    for kpi in ctx.repo.kpis:
        if not (kpi.source or "").strip():
            yield kpi.loc, f"KPI {kpi.id!r} has no source; add `source:` naming the report or query it is read from"


@rule("Q305", "unused-kpi", Severity.INFO, "A KPI is referenced by no KR and has no measurements.")
def unused_kpi(ctx: RuleContext) -> Iterator[Hit]:
    """
    ## What it does
    Reports a KPI that no key result links to (`kpi:`) and that has no measurements in any
    check-in log.

    ## Why is this bad?
    A KPI nobody measures and no objective moves is dead weight in the catalogue: it suggests
    the number is watched when it is not. Measure it, link it, or remove it.

    ## Example
    ```yaml
    kpis:
      - id: nps
        name: Net Promoter Score
        source: Monthly survey export, question 1
    ```

    ## Use instead
    ```yaml
    # file: okrs/kpis.yaml
    kpis:
      - id: nps
        name: Net Promoter Score
        source: Monthly survey export, question 1
    # file: okrs/checkins/kpis.yaml
    checkins:
      - date: 2026-10-31
        kpi: nps
        value: 64
    ```
    """
    if ctx.repo.incomplete & {"objectives", "checkins"}:
        return  # a file that failed to load may hold the reference
    used = {kr.kpi for _, _, kr in key_results(ctx.repo) if kr.kpi is not None}
    used.update(*(rows_of(log).distinct("kpi") for log in ctx.repo.logs))
    for kpi in ctx.repo.kpis:
        if kpi.id not in used:
            yield (
                kpi.loc,
                (
                    f"KPI {kpi.id!r} is linked to no key result and has no measurements; "
                    "record measurements, link it with `kpi:` from a key result, or remove it"
                ),
            )
