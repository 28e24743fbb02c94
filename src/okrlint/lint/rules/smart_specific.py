"""SMART: is each key result specific and measurable? S201, S202, S203, S204."""

from __future__ import annotations

from collections.abc import Iterator

from okrlint.lint.findings import Severity
from okrlint.lint.measurable import named_deliverable
from okrlint.lint.measurable import verdict as judged_verdict
from okrlint.lint.registry import Hit, RuleContext, rule
from okrlint.lint.rules.walk import key_results, quoted, vague_words
from okrlint.lint.wording import find_vague_words, judged_text, suggest_rewrite
from okrlint.util.text import shorten


@rule("S201", "vague-key-result", Severity.ERROR, "The KR title states no measurable outcome.")
def vague_key_result(ctx: RuleContext) -> Iterator[Hit]:
    """
    ## What it does
    Reports a key result whose title states no measurable outcome: no quantity and no binary
    deliverable.

    Quantities are read as people write them: digits (`75`, `4.5`, `1,200`, `20%`, `$5M`, `3x`),
    number words (`double`, `halve`, `zero`, `three`, `a dozen`), cadences (`weekly`,
    `bi-weekly`, `every sprint`), rates and units against the number (`50MB/s`, `100Mbps`) and
    scores or fractions (`9/10`, `3/4`). Numbers that only name a date, quarter or year (`Q2`,
    `2026`, `March 31`, `end of Q1`) or a thing (`#1234`, `v2`, `the 720 review`, `RFC 42`, a
    URL), and numbers in an example (`(e.g. monthly webinars)`), do not count.

    A title that names a binary deliverable is not vague: a delivery verb and its object ("Ship
    dark mode to beta", "Launch the partner portal", "Hire a first designer") or a done-state
    ("The EU data centre is live", "IPNS has a streaming API", "Design doc for the layout API").
    S202 then proposes `milestone: true`. A delivery verb whose object is only praise ("Deliver a
    best-in-class experience"), a quality rather than an artefact ("Expand the capabilities of our
    team", "Run GitLab.com more efficiently") or a wish ("Make progress on", "Get mentioned by")
    stays vague, as do unmeasured changes ("Improve", "Speed up", "Better measure"), hedging verbs
    ("Experiment with"), praise or quality noun phrases ("Useful clusters", "CI optimization") and
    feelings nobody counts ("Team members rely on the handbook", "Positive feedback from users").

    The title is read as written, without what pasting adds: a list, tag or key-result label before it
    (`KR1: `, `1. `, `- [ ] `, `[Eng] `), bold, quotes or status marks around it (`✅`), doubled or
    no-break spaces; `&` reads as `and`, `percent` as `%`.

    Milestone key results are exempt. The message names the words that decided (`improve`,
    `better`, `more`, ... — adjust the list with `vague_words: {extend: [...], remove: [...]}`;
    a word you add also makes a title that leads with it vague) and suggests a rewrite built from
    the title's own subject and metric: "Improve onboarding significantly" → "Raise onboarding
    completion from 40% to 60%".

    ## Why is this bad?
    "Improve onboarding" can be declared a success whatever happens. A key result that says
    from what to what can be checked by anyone, at any time, with no argument.

    ## Example
    ```yaml
    team: growth
    period: 2026-Q4
    objectives:
      - id: activation
        title: Make new merchants successful in their first week
        key_results:
          - id: onboarding
            title: Significantly improve onboarding by end of Q4
            baseline: 42
            target: 55
            unit: "%"
    ```

    ## Use instead
    ```yaml
    team: growth
    period: 2026-Q4
    objectives:
      - id: activation
        title: Make new merchants successful in their first week
        key_results:
          - id: onboarding
            title: Raise first-week activation from 42% to 55%
            baseline: 42
            target: 55
            unit: "%"
    ```
    """
    words = vague_words(ctx.config)
    for _, _, kr in key_results(ctx.repo):
        if kr.kind == "milestone":
            continue
        text = judged_text(kr.title)
        verdict = judged_verdict(text, ctx.config.vague_words_extend)
        if verdict is None or verdict.kind != "vague":
            continue
        # the listed vague words, then the grammar's deciding words ("capabilities" in "Expand the capabilities")
        found = find_vague_words(text, words)
        said = {w for phrase in found for w in phrase.split()}
        found += [w for w in dict.fromkeys(w.lower() for w in verdict.words) if w not in said and not _listed(w, found)]
        if not found:  # a title of spaces or marks (" ", "*"): nothing to quote, nothing to rewrite from
            yield kr.at("title"), f"key result {kr.id!r} has no words in its title; {suggest_rewrite('')}"
            continue
        title = shorten(kr.title)
        yield (
            kr.at("title"),
            f'key result "{title}" states no measurable outcome (vague: {quoted(found)}); {suggest_rewrite(text)}',
        )


def _listed(phrase: str, found: list[str]) -> bool:
    """Return True when ``phrase`` only inflects vague words found: "improved", "have improved" for "improve"."""
    words = [w for w in phrase.lower().split() if w not in ("have", "has")]
    return bool(words) and all(w in found or find_vague_words(w, found) for w in words)


@rule("S202", "unmeasurable-key-result", Severity.ERROR, "The KR has no `target`, `range` or `milestone`.")
def unmeasurable_key_result(ctx: RuleContext) -> Iterator[Hit]:
    """
    ## What it does
    Reports a key result that is none of the three kinds: a metric KR (`target`), a range KR
    (`range: {min, max}`) or a milestone KR (`milestone: true`). When the title names a binary
    deliverable ("Ship dark mode to beta", "The EU data centre is live", a delivery whose
    numbers only set its scope: "Ship scroll latching for one platform", or whose numbers are
    part of its name: "multistream 2.0 is implemented", "12-month hiring plan"), the message
    proposes `milestone: true` and quotes the words that name the deliverable.

    ## Why is this bad?
    Without a target nobody can say whether the key result was reached, and it cannot be scored.

    ## Example
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
    for _, _, kr in key_results(ctx.repo):
        named = named_deliverable(kr.title, ctx.config.vague_words_extend) if kr.kind is None else None
        if named is not None:
            yield (
                kr.loc,
                (
                    f'key result {kr.id!r} names a deliverable ("{named}") but has no target, range or milestone; '
                    "add `milestone: true` to score it done or not (or a `target:` if it moves a number)"
                ),
            )
        elif kr.kind is None:
            yield (
                kr.loc,
                (
                    f"key result {kr.id!r} has no target, range or milestone; add `target:` (a number to reach), "
                    "`range: {min, max}` (a band to stay in) or `milestone: true` (done or not)"
                ),
            )


@rule("S203", "missing-baseline", Severity.WARNING, "A metric or range KR has no `baseline`.")
def missing_baseline(ctx: RuleContext) -> Iterator[Hit]:
    """
    ## What it does
    Reports a metric or range key result without a `baseline`, the value at the start of the
    period.

    ## Why is this bad?
    Progress is measured from the baseline: without it the score is unknown (shown as n/a),
    and "reach 64%" may already be true on day one.

    ## Example
    ```yaml
    team: payments
    period: 2026-Q4
    objectives:
      - id: checkout
        title: Make checkout effortless
        key_results:
          - id: conversion
            title: Reach 64% checkout conversion
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
    for _, _, kr in key_results(ctx.repo):
        if kr.kind in ("metric", "range") and kr.baseline is None:
            yield (
                kr.loc,
                (
                    f"{kr.kind} key result {kr.id!r} has no baseline, so its progress cannot be computed; "
                    "add `baseline:` with the value at the start of the period"
                ),
            )


@rule("S204", "missing-unit", Severity.WARNING, "A metric or range KR has no `unit`.")
def missing_unit(ctx: RuleContext) -> Iterator[Hit]:
    """
    ## What it does
    Reports a metric or range key result without a `unit`.

    ## Why is this bad?
    "From 4 to 2" means nothing on a scorecard: hours, days, incidents, percent? The unit
    also keeps check-ins honest: everyone reports in the same one.

    ## Example
    ```yaml
    team: support
    period: 2026-Q4
    objectives:
      - id: fast-answers
        title: Answer merchants while they still care
        key_results:
          - id: first-response
            title: Cut median first-response time from 12 to 4 hours
            baseline: 12
            target: 4
    ```

    ## Use instead
    ```yaml
    team: support
    period: 2026-Q4
    objectives:
      - id: fast-answers
        title: Answer merchants while they still care
        key_results:
          - id: first-response
            title: Cut median first-response time from 12 to 4 hours
            baseline: 12
            target: 4
            unit: hours
    ```
    """
    for _, _, kr in key_results(ctx.repo):
        if kr.kind in ("metric", "range") and kr.unit is None:
            yield kr.loc, f"{kr.kind} key result {kr.id!r} has no unit; add `unit:` (for example %, ms, USD, users)"
