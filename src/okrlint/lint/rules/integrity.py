"""Repository-wide integrity rules: E004, E005, E008, E009, E010."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from okrlint.lint.findings import Severity
from okrlint.lint.registry import Hit, RuleContext, rule
from okrlint.model.alignment import Alignment, ObjectiveKey, key
from okrlint.model.repository import Loc
from okrlint.model.rows import rows_of
from okrlint.util.text import did_you_mean


def _where(first: Loc, here: Loc) -> str:
    return f"line {first.line}" if first.path == here.path else f"{first.path}:{first.line}"


def _hint(name: str, known: Iterable[str]) -> str:
    """Return `` (did you mean 'x'?)`` naming the known id closest to ``name``, else an empty string."""
    return did_you_mean(name, known)


def _duplicates(items: Iterable[tuple[str, Loc]], what: str) -> Iterator[Hit]:
    seen: dict[str, Loc] = {}
    for ident, loc in items:
        if ident in seen:
            yield loc, f"{what} id {ident!r} is already used (first at {_where(seen[ident], loc)}); ids must be unique"
        else:
            seen[ident] = loc


@rule("E004", "duplicate-id", Severity.ERROR, "Two objectives, KRs, KPIs or teams share an id.")
def duplicate_id(ctx: RuleContext) -> Iterator[Hit]:
    """
    ## What it does
    Reports an id used twice where it must be unique: objectives within an OKR set, key results
    within an objective, KPIs and teams across the repository.

    ## Why is this bad?
    Check-ins, alignment and scorecards find things by id; a repeated id makes them ambiguous.

    ## Example
    ```yaml
    kpis:
      - id: nps
        name: Net Promoter Score
        source: Survey export
      - id: nps
        name: NPS (old)
        source: Survey export
    ```

    ## Use instead
    ```yaml
    kpis:
      - id: nps
        name: Net Promoter Score
        source: Survey export
    ```
    """
    repo = ctx.repo
    yield from _duplicates(((t.id, t.at("id")) for t in repo.teams), "team")
    yield from _duplicates(((k.id, k.at("id")) for k in repo.kpis), "KPI")
    for okr_set in repo.okr_sets:
        yield from _duplicates(((o.id, o.at("id")) for o in okr_set.objectives), "objective")
        for objective in okr_set.objectives:
            yield from _duplicates(((k.id, k.at("id")) for k in objective.key_results), "key result")


@rule("E005", "unknown-reference", Severity.ERROR, "A reference names nothing.")
def unknown_reference(ctx: RuleContext) -> Iterator[Hit]:
    """
    ## What it does
    Reports `aligns`, `kpi`, a check-in's `kr`/`kpi`, a team's `parent`, or (when an org chart
    exists) an OKR set's `team` that names nothing in the repository.

    ## Why is this bad?
    A dangling reference silently drops progress from the scorecard and breaks the alignment tree.

    ## Example
    ```yaml
    checkins:
      - date: 2026-10-12
        kpi: no-such-kpi
        value: 3
    ```

    ## Use instead
    ```yaml
    # file: okrs/kpis.yaml
    kpis:
      - id: nps
        name: Net Promoter Score
        source: Survey export
    # file: okrs/checkins.yaml
    checkins:
      - date: 2026-10-12
        kpi: nps
        value: 64
    ```
    """
    repo = ctx.repo
    team_ids = repo.team_ids()
    kpi_ids = set(repo.kpi_by_id())
    check_teams = repo.teams_declared and "teams" not in repo.incomplete
    check_kpis = "kpis" not in repo.incomplete
    check_objectives = "objectives" not in repo.incomplete
    if check_teams:
        for team in repo.teams:
            if team.parent is not None and team.parent not in team_ids:
                yield (
                    team.at("parent"),
                    f"parent team {team.parent!r} is not in the org chart{_hint(team.parent, team_ids)}",
                )
        for okr_set in repo.okr_sets:
            if okr_set.team not in team_ids:
                yield (
                    okr_set.at("team"),
                    f"team {okr_set.team!r} is not in the org chart{_hint(okr_set.team, team_ids)}; "
                    "add it to teams.yaml",
                )
    for okr_set in repo.okr_sets:
        for objective in okr_set.objectives:
            for kr in objective.key_results:
                if check_kpis and kr.kpi is not None and kr.kpi not in kpi_ids:
                    yield kr.at("kpi"), f"KPI {kr.kpi!r} is not in the KPI catalogue{_hint(kr.kpi, kpi_ids)}"
    if check_objectives:
        for alignment in ctx.alignments:
            if alignment.target is None and not alignment.other_periods:
                known = (f"{s.team}/{o.id}" for s in repo.okr_sets for o in s.objectives)
                yield (
                    alignment.loc,
                    f"aligns to {alignment.ref!r}, but no OKR set defines that team/objective"
                    + _hint(alignment.ref, known),
                )
    for log in repo.logs:
        rows = rows_of(log)
        for position, kr, kpi, ref in rows.scan("position", "kr", "kpi", "resolved"):
            if kr is not None and ref is None and check_objectives:
                yield rows[position].at("kr"), f"check-in names key result {kr!r}, which no OKR set defines"
            if kpi is not None and check_kpis and kpi not in kpi_ids:
                yield (
                    rows[position].at("kpi"),
                    f"check-in names KPI {kpi!r}, which is not in the KPI catalogue{_hint(kpi, kpi_ids)}",
                )


@rule("E008", "duplicate-team-period", Severity.ERROR, "Two OKR sets for one team and period.")
def duplicate_team_period(ctx: RuleContext) -> Iterator[Hit]:
    """
    ## What it does
    Reports a second OKR set for a team and period that already has one.

    ## Why is this bad?
    Two sets split one team's quarter in two; scores and check-ins cannot tell which one counts.

    ## Example
    ```yaml
    # file: okrs/a.yaml
    team: payments
    period: 2026-Q4
    objectives: []
    # file: okrs/b.yaml
    team: payments
    period: 2026-Q4
    objectives: []
    ```

    ## Use instead
    ```yaml
    # file: okrs/a.yaml
    team: payments
    period: 2026-Q4
    objectives: []
    # file: okrs/b.yaml
    team: payments
    period: 2027-Q1
    objectives: []
    ```
    """
    seen: dict[tuple[str, object, object], Loc] = {}
    for okr_set in sorted(ctx.repo.okr_sets, key=lambda s: s.loc):
        ident = (okr_set.team, okr_set.period.start, okr_set.period.end)
        if ident in seen:
            first = seen[ident]
            yield (
                okr_set.at("team"),
                (
                    f"team {okr_set.team!r} already has an OKR set for {okr_set.period.id} ({first.path}); "
                    "merge the two files"
                ),
            )
        else:
            seen[ident] = okr_set.loc


@rule("E009", "alignment-cycle", Severity.ERROR, "Objectives align to each other in a cycle.")
def alignment_cycle(ctx: RuleContext) -> Iterator[Hit]:
    """
    ## What it does
    Reports objectives whose `aligns` references form a cycle.

    ## Why is this bad?
    Alignment is a tree from the company's objectives down; a cycle has no top and cannot be drawn
    or rolled up.

    ## Example
    ```yaml
    # file: okrs/a.yaml
    team: alpha
    period: 2026-Q4
    objectives:
      - id: one
        title: Delight our customers
        aligns: beta/two
    # file: okrs/b.yaml
    team: beta
    period: 2026-Q4
    objectives:
      - id: two
        title: Delight our partners
        aligns: alpha/one
    ```

    ## Use instead
    ```yaml
    # file: okrs/a.yaml
    team: alpha
    period: 2026-Q4
    objectives:
      - id: one
        title: Delight our customers
    # file: okrs/b.yaml
    team: beta
    period: 2026-Q4
    objectives:
      - id: two
        title: Delight our partners
        aligns: alpha/one
    ```
    """
    edges: dict[ObjectiveKey, list[ObjectiveKey]] = {}
    places: dict[tuple[ObjectiveKey, ObjectiveKey], Alignment] = {}  # the entry writing each edge (first)
    for alignment in ctx.alignments:
        if alignment.target is not None:
            source, target = key(alignment.source, alignment.objective), key(*alignment.target)
            edges.setdefault(source, []).append(target)
            places.setdefault((source, target), alignment)
    reported: set[ObjectiveKey] = set()
    state: dict[ObjectiveKey, int] = {}  # 1 = on the current path, 2 = finished
    for start in sorted(edges):
        if state.get(start):
            continue
        path: list[ObjectiveKey] = [start]
        stack = [iter(edges.get(start, ()))]
        state[start] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                cycle = path[path.index(nxt) :]
                shown = " → ".join(f"{t}/{o}" for t, _, o in [*cycle, nxt])
                for member, successor in zip(cycle, [*cycle[1:], nxt], strict=True):
                    if member not in reported:
                        reported.add(member)
                        message = f"alignment cycle: {shown}; alignment must lead up to the root team"
                        yield places[(member, successor)].loc, message
            elif not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(edges.get(nxt, ())))


@rule(
    "E010",
    "alignment-period",
    Severity.ERROR,
    "`aligns` names an objective of a period that does not contain this one.",
)
def alignment_period(ctx: RuleContext) -> Iterator[Hit]:
    """
    ## What it does
    Reports an `aligns` reference to an objective that exists, but only in periods that do not
    contain this OKR set's period (a Q4 objective aligned to last year's company objective).

    ## Why is this bad?
    Alignment says "this quarter's work serves that goal"; a goal from another period is stale.

    ## Example
    ```yaml
    # file: okrs/company.yaml
    team: company
    period: "2025"
    objectives:
      - id: grow
        title: Grow the business
    # file: okrs/payments.yaml
    team: payments
    period: 2026-Q4
    objectives:
      - id: checkout
        title: Make checkout effortless
        aligns: company/grow
    ```

    ## Use instead
    ```yaml
    # file: okrs/company.yaml
    team: company
    period: "2026"
    objectives:
      - id: grow
        title: Grow the business
    # file: okrs/payments.yaml
    team: payments
    period: 2026-Q4
    objectives:
      - id: checkout
        title: Make checkout effortless
        aligns: company/grow
    ```
    """
    if "objectives" in ctx.repo.incomplete:
        return
    for alignment in ctx.alignments:
        if alignment.target is None and alignment.other_periods:
            periods = ", ".join(sorted({s.period.id for s in alignment.other_periods}))
            yield (
                alignment.loc,
                (
                    f"aligns to {alignment.ref!r}, defined only for {periods}, which does not contain "
                    f"{alignment.source.period.id}; align to an objective of a containing period"
                ),
            )
