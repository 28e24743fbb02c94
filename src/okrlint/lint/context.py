"""Findings of a few check-in logs, computed from only the files they can depend on.

A check-in log's findings come from its own loading and from the rules that look at rows
(``ROW_RULES``); those read the key results a row names (and every OKR set that defines
them), the KPI catalogue for KPI rows, the rows of other logs about the same key result or
KPI (T402), and which kinds are incomplete. :func:`context_files` picks exactly those files
from the per-file summaries, so a pre-commit run on one edited log need not load the others.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date

from okrlint.config import Config
from okrlint.lint.findings import Finding
from okrlint.lint.registry import Rule
from okrlint.lint.run import lint_loaded
from okrlint.model.load import LoadedRepository
from okrlint.model.summary import FileSummary
from okrlint.source.files import SourceFile
from okrlint.util.text import escape_undecodable

# The rules whose findings can be located in a check-in log (a test checks this on every fixture).
ROW_RULES = frozenset({"E005", "T401", "T402", "T403"})
LOG_KINDS = (None, "checkins")  # files whose findings only rows and loading produce


def context_files(
    files: Sequence[SourceFile], summaries: Mapping[str, FileSummary], targets: Collection[str]
) -> tuple[list[SourceFile], set[str]] | None:
    """Return the files the findings of logs ``targets`` depend on (in order) and the kinds the others leave incomplete.

    None when a target is not a check-in log (its findings may depend on any file).
    """
    if any(summaries[rel].kind not in LOG_KINDS for rel in targets):
        return None
    refers = {key for rel in targets for key in summaries[rel].refers}
    kpis = {kpi for rel in targets for kpi in summaries[rel].kpis}
    chosen: list[SourceFile] = []
    incomplete: set[str] = set()
    for source in files:
        summary = summaries[source.rel]
        if (
            source.rel in targets
            or not refers.isdisjoint(summary.defines)
            or not refers.isdisjoint(summary.refers)
            or not kpis.isdisjoint(summary.kpis)
            or (kpis and summary.kind == "kpis")
        ):
            chosen.append(source)
        else:
            incomplete |= summary.incomplete
    return chosen, incomplete


def lint_in_context(
    loaded: LoadedRepository, config: Config, as_of: date, rules: Sequence[Rule], targets: Collection[str]
) -> tuple[Finding, ...]:
    """Return the findings of logs ``targets`` over a repository loaded from their ``context_files``."""
    chosen = [r for r in rules if r.check is None or r.code in ROW_RULES]
    paths = {escape_undecodable(rel) for rel in targets}  # findings name paths as shown
    return tuple(f for f in lint_loaded(loaded, config, as_of, chosen) if f.path in paths)
