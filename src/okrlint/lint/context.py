"""Findings of a few edited files, computed from only the files they can depend on.

A check-in log's findings come from its own loading and from the rules that look at rows
(``ROW_RULES``); those read the key results a row names (and every OKR set that defines
them), the KPI catalogue for KPI rows, the rows of other logs about the same key result or
KPI (T402), and which kinds are incomplete.

An OKR set's findings may come from any rule, but they read only the structure of the
repository (every OKR set, the org chart, the KPI catalogue: alignment, duplicate periods,
references and their hints) and the rows about its own key results: check-ins naming them,
and measurements of the KPIs they are linked to (T404, T405, scores). Only the rules that
compare OKR sets with each other (``STRUCTURE_RULES``) run over every set; the others run
over the edited sets alone (:func:`focused`), which is what keeps the hook fast. Those rules
read only the outline of the other sets (``okrlint.model.outline``), and a set whose key
results no target's rows can reach need not be loaded: its outline stands in for it (also when
a whole lint after an edit wants the findings of those rules in every set). On the pre-commit
path even the outlines are read only for the sets of the targets' alignment neighbourhood
(:func:`lint_near`): their own teams' sets and those of every team their ``aligns`` lead up to,
which is all those rules read of a set that aligns cleanly.

:func:`context_files` picks exactly those files from the per-file summaries, so a pre-commit
run on one edited file need not load every check-in log.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import field, replace
from datetime import date

from okrlint.config import Config
from okrlint.lint.findings import Finding
from okrlint.lint.registry import Rule
from okrlint.lint.run import lint_loaded
from okrlint.model.load import LoadedRepository
from okrlint.model.repository import Repository
from okrlint.model.summary import FileSummary
from okrlint.source.files import SourceFile
from okrlint.util.records import record
from okrlint.util.text import escape_undecodable

# The rules whose findings can be located in a check-in log (a test checks this on every fixture).
ROW_RULES = frozenset({"E005", "T401", "T402", "T403"})
LOG_KINDS = (None, "checkins")  # files whose findings only rows and loading produce
SET_KINDS = ("objectives",)  # files whose findings need the structure plus the rows about their own KRs
# The rules whose findings in one OKR set read other OKR sets (a test checks every other rule on every fixture).
STRUCTURE_RULES = frozenset({"E005", "E008", "E009", "E010"})
# Findings that may read OKR sets outside the alignment neighbourhood: E005's hint names the closest objective
# of every set, and E009 names a cycle where a walk over every set's alignments first meets it.
WIDE_CODES = frozenset({"E005", "E009"})


@record
class Context:
    """The files some targets' findings depend on, in order; the kinds the others leave incomplete; the rules to run.

    ``outlines`` holds the outline bytes of the files among ``files`` that need not be loaded (path -> outlines).
    """

    files: list[SourceFile]
    incomplete: set[str]
    row_rules_only: bool
    outlines: dict[str, bytes] = field(default_factory=dict)


def _needed(summary: FileSummary, logs: list[FileSummary], sets: list[FileSummary]) -> bool:
    """Return True when findings of the target ``logs`` or ``sets`` can depend on a file with ``summary``.

    Beyond this, a target OKR set depends on every OKR set, org chart and KPI catalogue (the structure).
    """
    for log in logs:
        if (
            not log.refers.isdisjoint(summary.defines)
            or not log.refers.isdisjoint(summary.refers)
            or not log.kpis.isdisjoint(summary.kpis)
            or (log.kpis and summary.kind == "kpis")
        ):
            return True
    return any(
        not target.defines.isdisjoint(summary.refers)
        or not target.linked_kpis.isdisjoint(summary.kpis)
        or not target.defines.isdisjoint(summary.defines)  # rows about these KRs resolve by date between the sets
        for target in sets
    )


def neighbourhood(summaries: Mapping[str, FileSummary], sets: Sequence[FileSummary]) -> set[str]:
    """Return the teams of the OKR ``sets`` and of every team their ``aligns`` entries lead up to, transitively.

    The sets of these teams hold every objective the ``sets`` align to (in any period), every set sharing a
    team and period with them, and every alignment a cycle through them follows.
    """
    by_team: dict[str, list[FileSummary]] = {}
    for summary in summaries.values():
        for team in summary.teams:
            by_team.setdefault(team, []).append(summary)
    teams: set[str] = set()
    todo = [team for summary in sets for team in (*summary.teams, *summary.aligns_to)]
    while todo:
        team = todo.pop()
        if team not in teams:
            teams.add(team)
            todo += [up for summary in by_team.get(team, ()) for up in summary.aligns_to]
    return teams


def context_files(
    files: Sequence[SourceFile],
    summaries: Mapping[str, FileSummary],
    targets: Collection[str],
    structure: bool = False,
    outline: bool = False,
    near: bool = False,
) -> Context | None:
    """Return the context of ``targets`` (check-in logs and OKR sets); None when a target is of another kind.

    The findings of an org chart or a KPI catalogue may depend on any file: those take the full path.
    ``structure`` adds every OKR set, org chart and KPI catalogue whatever the targets. With ``outline``,
    the OKR sets in the context only for the structure are named in ``Context.outlines``: their outlines
    stand in for them, giving the same findings of ``STRUCTURE_RULES`` (their other findings are not wanted).
    ``near`` (with ``outline``) leaves out the outlined sets outside the targets' :func:`neighbourhood`; lint
    such a context with :func:`lint_near`.
    """
    logs = [summaries[rel] for rel in targets if summaries[rel].kind in LOG_KINDS]
    sets = [summaries[rel] for rel in targets if summaries[rel].kind in SET_KINDS]
    if len(logs) + len(sets) != len(targets):
        return None
    context = Context([], set(), row_rules_only=not sets)
    teams = neighbourhood(summaries, sets) if near and outline and sets else None
    for source in files:
        summary = summaries[source.rel]
        if source.rel in targets or _needed(summary, logs, sets):
            context.files.append(source)
        elif (structure or sets) and summary.kind not in LOG_KINDS:
            if outline and summary.outlines and summary.kind in SET_KINDS:
                if teams is not None and teams.isdisjoint(summary.teams):
                    continue  # outlined sets are never incomplete
                context.outlines[source.rel] = summary.outlines
            context.files.append(source)
        else:
            context.incomplete.update(summary.incomplete)
    return context


def _reads(summary: FileSummary, edited: FileSummary) -> bool:
    """Return True when findings of a log or OKR set with ``summary`` may read a log or OKR set with ``edited``."""
    if summary.kind in LOG_KINDS:  # the KRs its rows name, other rows about them or about its KPIs
        return (
            not summary.refers.isdisjoint(edited.defines)
            or not summary.refers.isdisjoint(edited.refers)
            or not summary.kpis.isdisjoint(edited.kpis)
        )
    # rows about its KRs or linked KPIs, and sets defining the same KR keys (rows resolve by date between them)
    return (
        not summary.defines.isdisjoint(edited.refers)
        or not summary.linked_kpis.isdisjoint(edited.kpis)
        or not summary.defines.isdisjoint(edited.defines)
    )


def affected_files(
    before: Mapping[str, FileSummary], after: Mapping[str, FileSummary], changed: Collection[str]
) -> set[str] | None:
    """Return the files whose findings an edit of ``changed`` files may change (by their summaries before and after).

    That is the changed files still present and the logs and OKR sets that read them. None when the edit
    may change findings anywhere: it touches an org chart, a KPI catalogue or a file of no known kind, changes
    the kinds left incomplete, or changes which KPIs a file uses (unused-KPI findings).
    """
    edited = [summary for rel in changed for summary in (before.get(rel), after.get(rel)) if summary is not None]
    if any(summary.kind not in (*LOG_KINDS, *SET_KINDS) for summary in edited):
        return None
    for rel in changed:
        old, new = before.get(rel), after.get(rel)
        if (old.kpis | old.linked_kpis if old else set()) != (new.kpis | new.linked_kpis if new else set()):
            return None

    def incomplete(summaries: Mapping[str, FileSummary]) -> set[str]:
        return {kind for summary in summaries.values() for kind in summary.incomplete}

    if incomplete(before) != incomplete(after):
        return None
    affected = {rel for rel in changed if rel in after}
    affected |= {rel for rel, summary in after.items() if any(_reads(summary, e) for e in edited)}
    return affected


def focused(repo: Repository, paths: Collection[str]) -> Repository:
    """Return ``repo`` with only the OKR sets written in files ``paths``; every other part (and the KR index) stays."""
    return replace(repo, okr_sets=tuple(s for s in repo.okr_sets if s.loc.path in paths))


def _context_findings(
    loaded: LoadedRepository,
    config: Config,
    as_of: date,
    rules: Sequence[Rule],
    targets: Collection[str],
    row_rules_only: bool,
    structure: bool,
) -> list[Finding]:
    """Return every finding of the rules ``lint_in_context`` runs, wherever they are located."""
    wide_codes = ROW_RULES | STRUCTURE_RULES if structure or not row_rules_only else ROW_RULES
    findings = list(lint_loaded(loaded, config, as_of, [r for r in rules if r.check is None or r.code in wide_codes]))
    if not row_rules_only:
        local = [r for r in rules if r.check is not None and r.code not in wide_codes]
        findings += lint_loaded(replace(loaded, repo=focused(loaded.repo, targets)), config, as_of, local)
    return findings


def _shown(findings: list[Finding], targets: Collection[str], structure_of: Collection[str]) -> tuple[Finding, ...]:
    """Return the ``findings`` located in ``targets``, and those of ``STRUCTURE_RULES`` in ``structure_of``."""
    paths = {escape_undecodable(rel) for rel in targets}  # findings name paths as shown
    return tuple(
        sorted(f for f in findings if f.path in paths or (f.code in STRUCTURE_RULES and f.path in structure_of))
    )


def lint_in_context(
    loaded: LoadedRepository,
    config: Config,
    as_of: date,
    rules: Sequence[Rule],
    targets: Collection[str],
    row_rules_only: bool = True,
    structure_of: Collection[str] = (),
) -> tuple[Finding, ...]:
    """Return the findings of ``targets`` over a repository loaded from their ``context_files``.

    ``row_rules_only`` runs only the loading rules and ``ROW_RULES`` (enough when every target is a log);
    otherwise the rules outside ``STRUCTURE_RULES`` and ``ROW_RULES`` run over the targets' own OKR sets.
    ``structure_of`` names more files (as shown) whose ``STRUCTURE_RULES`` findings are wanted too.
    """
    found = _context_findings(loaded, config, as_of, rules, targets, row_rules_only, bool(structure_of))
    return _shown(found, targets, structure_of)


def lint_near(
    loaded: LoadedRepository, config: Config, as_of: date, rules: Sequence[Rule], targets: Collection[str]
) -> tuple[Finding, ...] | None:
    """Return the findings of target OKR sets (and logs) over a repository loaded from their near context.

    None when any finding of ``WIDE_CODES`` shows up anywhere in it: those may read sets left out, so the
    targets must be linted in their whole context (``context_files`` without ``near``) instead.
    """
    found = _context_findings(loaded, config, as_of, rules, targets, False, False)
    return None if any(f.code in WIDE_CODES for f in found) else _shown(found, targets, ())
