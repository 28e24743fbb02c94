"""Quality of key results and ownership: Q301, Q302, Q303."""

from __future__ import annotations

from collections.abc import Iterator

from okrlint.lint.activities import find_activity
from okrlint.lint.activity_outcomes import outcome_of_activity
from okrlint.lint.findings import Severity
from okrlint.lint.registry import Hit, RuleContext, rule
from okrlint.lint.rules.walk import key_results, objectives
from okrlint.lint.wording import judged_text, normalise_title
from okrlint.model.repository import Loc
from okrlint.util.text import shorten


@rule("Q301", "activity-key-result", Severity.WARNING, "A KR counts or schedules an activity instead of an outcome.")
def activity_key_result(ctx: RuleContext) -> Iterator[Hit]:
    """
    ## What it does
    Reports a key result that is not a milestone, whatever its fields, whose title counts or
    schedules an activity or output — work the team itself does — rather than the outcome the
    work is meant to produce. It looks anywhere in the title, in any tense:

    - an activity verb, a plain count and its object: "Conduct 50 interviews", "Implement 3
      changes", "We have published 4 customer stories", "every lead has attended 2 workshops"
      (verbs that always make output — write, fix, review, source, triage, speak, amplify,
      upstream, … — take any object; ship, launch, deliver, add, … only an output noun), and
      outreach counted after "to" ("Reach out to 20 schools per week");
    - a count of an output that opens a clause or follows "in"/"at": "12 improvements to the docs
      site", "Docs: 3 tutorials", "… in 10+ demo calls";
    - a cadence with an output or an activity verb: "Weekly team retros", "two posts per month",
      "bi-weekly newsletters", "ship every two weeks";
    - more hires or more output: "Hire engineers: +1 backend, +2 frontend", "Grow the number of
      blog posts from 4 to 10";
    - the means or the quota of a result: "Improve monitoring by shipping 5 alerts", "2 validation
      cycles completed per Product Manager", "100% of team members participate in at least 1 POC".

    Counts of people or things outside the team are outcomes ("Onboard 40 merchants", "Get 100
    subscribers", "Launch 3 new markets"), one thing made is a deliverable ("Create one meetup in
    a box"), and a title framed by a result (a share in %,
    money, "from A to B" or a leading "increase", "reach", …) unless the activity opens it. The
    message names the verb, count or cadence and output that decided, and proposes an outcome
    for that kind of output.

    ## Why is this bad?
    Activities are in the team's control and easy to tick off; outcomes are what the objective
    needs. Ten blog posts that nobody reads score 100% as an activity and 0% as an outcome.

    ## Example
    ```yaml
    team: marketing
    period: 2026-Q4
    objectives:
      - id: demand
        title: Make Acme the name merchants think of first
        key_results:
          - id: posts
            title: Publish 10 blog posts
            baseline: 0
            target: 10
            unit: posts
    ```

    ## Use instead
    ```yaml
    team: marketing
    period: 2026-Q4
    objectives:
      - id: demand
        title: Make Acme the name merchants think of first
        key_results:
          - id: organic-signups
            title: Grow organic sign-ups from 400 to 650 a month
            baseline: 400
            target: 650
            unit: sign-ups/month
    ```
    """
    for _, _, kr in key_results(ctx.repo):
        found = None if kr.kind == "milestone" else find_activity(judged_text(kr.title))
        if found is None:
            continue
        cadence = found.number.lower().endswith("ly") or found.number.lower().startswith(("every", "per ", "each"))
        words = [f'verb "{found.verb}"'] if found.verb else []
        words += [f'{"cadence" if cadence else "count"} "{found.number}"'] if found.number else []
        words += [f'output "{found.noun}"'] if found.noun else []
        yield (
            kr.at("title"),
            (
                f'"{shorten(found.phrase)}" counts an activity ({", ".join(words)}), not an outcome; measure what '
                f'it should change, e.g. "{outcome_of_activity(found.noun)}", and keep the activity in your plan'
            ),
        )


@rule("Q302", "duplicate-key-result", Severity.WARNING, "Two KRs of one OKR set have the same title.")
def duplicate_key_result(ctx: RuleContext) -> Iterator[Hit]:
    """
    ## What it does
    Reports a key result whose title equals another key result's title in the same OKR set,
    after normalising case, spacing and punctuation.

    ## Why is this bad?
    The same result counted twice inflates one objective's score (or two objectives' scores)
    and usually means a copy-paste left behind when the OKRs were edited.

    ## Example
    ```yaml
    team: payments
    period: 2026-Q4
    objectives:
      - id: checkout
        title: Make checkout effortless
        key_results:
          - {id: latency, title: Cut p95 latency from 1200 ms to 400 ms, baseline: 1200, target: 400, unit: ms}
      - id: peak
        title: Stay fast through peak season
        key_results:
          - {id: latency, title: "cut P95 latency from 1,200 ms to 400 ms.", baseline: 1200, target: 400, unit: ms}
    ```

    ## Use instead
    ```yaml
    team: payments
    period: 2026-Q4
    objectives:
      - id: checkout
        title: Make checkout effortless
        key_results:
          - {id: latency, title: Cut p95 latency from 1200 ms to 400 ms, baseline: 1200, target: 400, unit: ms}
      - id: peak
        title: Stay fast through peak season
        key_results:
          - {id: errors, title: Cut checkout errors from 0.9% to 0.3%, baseline: 0.9, target: 0.3, unit: "%"}
    ```
    """
    for okr_set in ctx.repo.okr_sets:
        seen: dict[str, tuple[str, Loc]] = {}
        for objective in okr_set.objectives:
            for kr in objective.key_results:
                name = f"{objective.id}/{kr.id}"
                normal = normalise_title(kr.title)
                if normal not in seen:
                    seen[normal] = (name, kr.at("title"))
                    continue
                first, where = seen[normal]
                yield (
                    kr.at("title"),
                    (
                        f"key result {name} has the same title as {first} (line {where.line}); "
                        "merge them or say what makes each one different"
                    ),
                )


@rule("Q303", "missing-owner", Severity.WARNING, "An objective or KR has no owner, itself or inherited.")
def missing_owner(ctx: RuleContext) -> Iterator[Hit]:
    """
    ## What it does
    Reports an objective or key result with no `owner`: neither its own nor one inherited from
    its objective or from the OKR set's top-level `owner`.

    ## Why is this bad?
    What everybody owns, nobody owns: a key result without a name next to it is the one nobody
    checks in on and nobody fights for.

    ## Example
    ```yaml
    team: payments
    period: 2026-Q4
    objectives:
      - id: checkout
        title: Make checkout effortless
    ```

    ## Use instead
    ```yaml
    team: payments
    period: 2026-Q4
    owner: dana@example.com
    objectives:
      - id: checkout
        title: Make checkout effortless
        owner: lee@example.com
    ```
    """
    for _, objective in objectives(ctx.repo):
        if objective.owner is None:
            yield objective.loc, (f"objective {objective.id!r} has no owner; add `owner:` to it or to the OKR set")
    for _, objective, kr in key_results(ctx.repo):
        if kr.owner is None:
            yield (
                kr.loc,
                (f"key result {objective.id}/{kr.id} has no owner; add `owner:` to it, its objective or the OKR set"),
            )
