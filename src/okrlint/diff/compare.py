"""What a change does to the OKRs between two git revisions: objectives and KRs, and new findings."""

from __future__ import annotations

import posixpath
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from okrlint.config import Config
from okrlint.diff import gitio
from okrlint.lint.findings import Finding
from okrlint.lint.result import LintResult
from okrlint.lint.run import lint
from okrlint.lint.selection import Selection
from okrlint.model.load import Loader, serial_loader
from okrlint.model.repository import KeyResult, Objective, Repository
from okrlint.source.files import SOURCE_SUFFIXES, relative_name
from okrlint.util.records import record

OBJECTIVE_FIELDS = ("title", "type", "owner", "aligns", "description")
KR_FIELDS = (
    "title",
    "kind",
    "baseline",
    "target",
    "range",
    "unit",
    "direction",
    "kpi",
    "weight",
    "owner",
    "due",
    "description",
)
WORKING_TREE = "working tree"
# Fields whose change moves a KR's goalposts (``kind`` is the KR's type: metric, range or milestone).
GOALPOST_FIELDS = frozenset({"target", "baseline", "range", "kind"})

SetKey = tuple[str, str]  # (team, period id)


@record
class Change:
    """One added, removed or changed objective or KR (``changed``: one field, old → new)."""

    change: str
    ref: str
    team: str
    period: str
    kind: str
    title: str
    field: str | None = None
    old: Any = None
    new: Any = None
    mid_period: bool = False
    elapsed: float | None = None  # share of the period elapsed when a goalpost moved mid-period
    week: int | None = None  # and the week of the period it moved in (1 = the first seven days)

    @property
    def moves_goalposts(self) -> bool:
        """Return True for a change to what a KR must reach: target, baseline, range, type, or its removal."""
        if self.kind == "objective":
            return self.change == "changed" and self.field == "type"
        return self.change == "removed" or (self.change == "changed" and self.field in GOALPOST_FIELDS)

    def as_dict(self) -> dict[str, Any]:
        """Return the JSON shape of SPEC §5.1 "diff json" for this change."""
        data: dict[str, Any] = {"change": self.change, "ref": self.ref, "period": self.period}
        if self.change == "changed":
            data.update(field=self.field, old=self.old, new=self.new)
        data["mid_period"] = self.mid_period
        return data


@record
class DiffResult:
    """The changes between two revisions, the findings new in the later one, and both models."""

    base: str
    head: str
    changes: tuple[Change, ...]
    new_findings: tuple[Finding, ...]
    base_repo: Repository
    head_repo: Repository
    as_of: date | None = None  # the day goalposts were judged on: HEAD's commit date, or as-of for the working tree

    def as_dict(self) -> dict[str, Any]:
        """Return the JSON shape of SPEC §5.1 "diff json"."""
        return {
            "version": 1,
            "base": self.base,
            "head": self.head,
            "changes": [c.as_dict() for c in self.changes],
            "new_findings": [f.as_dict() for f in self.new_findings],
        }


def plain(value: Any) -> Any:
    """Return a field value as JSON data: tuples as lists, ranges as {min, max}, dates ISO."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        if len(value) == 2 and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value):
            return {"min": value[0], "max": value[1]}
        return list(value)
    return value


def _objectives(repo: Repository) -> dict[SetKey, dict[str, Objective]]:
    """Return each OKR set's objectives by id (the first of a repeated id)."""
    result: dict[SetKey, dict[str, Objective]] = {}
    for okr_set in repo.okr_sets:
        objectives = result.setdefault((okr_set.team, okr_set.period.id), {})
        for objective in okr_set.objectives:
            objectives.setdefault(objective.id, objective)
    return result


def _field_changes(old: Any, new: Any, names: Sequence[str], base: Change) -> list[Change]:
    changes = []
    for name in names:
        before, after = plain(getattr(old, name)), plain(getattr(new, name))
        if before != after:
            changes.append(replace(base, field=name, old=before, new=after))
    return changes


def _whole(change: str, key: SetKey, objective: Objective, krs: Iterable[KeyResult]) -> list[Change]:
    team, period = key
    ref = f"{team}/{objective.id}"
    out = [Change(change, ref, team, period, "objective", objective.title)]
    out += [Change(change, f"{ref}/{kr.id}", team, period, "key_result", kr.title) for kr in krs]
    return out


def _compare_objective(key: SetKey, old: Objective, new: Objective) -> list[Change]:
    team, period = key
    ref = f"{team}/{new.id}"
    out = _field_changes(old, new, OBJECTIVE_FIELDS, Change("changed", ref, team, period, "objective", new.title))
    old_krs = {kr.id: kr for kr in reversed(old.key_results)}
    new_ids = {kr.id for kr in new.key_results}
    seen: set[str] = set()
    for kr in new.key_results:
        if kr.id in seen:
            continue
        seen.add(kr.id)
        kr_ref = f"{ref}/{kr.id}"
        if kr.id not in old_krs:
            out.append(Change("added", kr_ref, team, period, "key_result", kr.title))
        else:
            template = Change("changed", kr_ref, team, period, "key_result", kr.title)
            out += _field_changes(old_krs[kr.id], kr, KR_FIELDS, template)
    gone = [kr for kr in old.key_results if kr.id not in new_ids and old_krs[kr.id] is kr]
    out += [Change("removed", f"{ref}/{kr.id}", team, period, "key_result", kr.title) for kr in gone]
    return out


def compare(base: Repository, head: Repository) -> list[Change]:
    """Return what changed from ``base`` to ``head``, objectives and KRs matched by id within a team's period."""
    old_sets, new_sets = _objectives(base), _objectives(head)
    changes: list[Change] = []
    for key in sorted(old_sets.keys() | new_sets.keys()):
        old, new = old_sets.get(key, {}), new_sets.get(key, {})
        for objective_id, objective in new.items():
            if objective_id in old:
                changes += _compare_objective(key, old[objective_id], objective)
            else:
                changes += _whole("added", key, objective, _unique(objective.key_results))
        for objective_id, objective in old.items():
            if objective_id not in new:
                changes += _whole("removed", key, objective, _unique(objective.key_results))
    return changes


def mark_mid_period(changes: Iterable[Change], repos: Iterable[Repository], when: date) -> list[Change]:
    """Return ``changes`` with goalposts moved after their period started (as of ``when``) marked mid-period."""
    periods = {(s.team, s.period.id): s.period for repo in repos for s in repo.okr_sets}
    marked = []
    for change in changes:
        period = periods.get((change.team, change.period))
        if change.moves_goalposts and period is not None and period.start <= when:
            week = min((when - period.start).days, (period.end - period.start).days) // 7 + 1
            change = replace(change, mid_period=True, elapsed=period.elapsed(when), week=week)
        marked.append(change)
    return marked


def _unique(krs: Iterable[KeyResult]) -> list[KeyResult]:
    seen: dict[str, KeyResult] = {}
    for kr in krs:
        seen.setdefault(kr.id, kr)
    return list(seen.values())


def new_findings(base: Iterable[Finding], head: Iterable[Finding]) -> list[Finding]:
    """Return the findings of ``head`` not in ``base``, compared by (path, code, message), ignoring line shifts."""
    remaining = Counter((f.path, f.code, f.message) for f in base)
    result = []
    for finding in head:
        key = (finding.path, finding.code, finding.message)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            result.append(finding)
    return result


def _tracked_folders(config: Config, top: Path) -> tuple[str, list[str]]:
    """Return the config root relative to the git top, and the configured paths from the top."""
    prefix = relative_name(config.root, top)
    if prefix.startswith(("/", "../")) or prefix == "..":
        raise gitio.GitError(f"{config.root}: the configuration root is outside the git repository {top}")
    prefix = "" if prefix == "." else prefix
    folders = [posixpath.normpath(posixpath.join(prefix, path)) for path in config.paths]
    return prefix, folders


def _lint_commit(config: Config, top: Path, commit: str, as_of: date, selection: Selection, load: Loader) -> LintResult:
    """Lint the configured paths as they are in ``commit``, read with git into a temporary folder."""
    prefix, folders = _tracked_folders(config, top)
    with tempfile.TemporaryDirectory(prefix="okrlint-diff-") as temp:
        gitio.export_tree(top, commit, folders, SOURCE_SUFFIXES, Path(temp), config.max_file_bytes)
        root = Path(temp).joinpath(*prefix.split("/")) if prefix else Path(temp)
        root.mkdir(parents=True, exist_ok=True)
        return lint(replace(config, root=root), as_of, selection, load=load)


def diff_revisions(
    config: Config,
    base: str,
    head: str | None,
    as_of: date,
    selection: Selection,
    load: Loader = serial_loader,
) -> DiffResult:
    """Compare revision ``base`` with ``head`` (None: the working tree); revisions are checked before anything runs.

    ``load`` reads each revision's files (the engine passes one with its worker pool).
    """
    top = gitio.toplevel(config.root)
    base_commit = gitio.resolve_commit(top, base)
    head_commit = gitio.resolve_commit(top, head) if head is not None else None
    before = _lint_commit(config, top, base_commit, as_of, selection, load)
    if head_commit is None:
        after = lint(config, as_of, selection, load=load)
    else:
        after = _lint_commit(config, top, head_commit, as_of, selection, load)
    assert before.repo is not None and after.repo is not None  # lint() always builds the model
    when = gitio.commit_date(top, head_commit) if head_commit is not None else as_of
    return DiffResult(
        base=base,
        head=head if head is not None else WORKING_TREE,
        changes=tuple(mark_mid_period(compare(before.repo, after.repo), (before.repo, after.repo), when)),
        new_findings=tuple(new_findings(before.findings, after.findings)),
        base_repo=before.repo,
        head_repo=after.repo,
        as_of=when,
    )
