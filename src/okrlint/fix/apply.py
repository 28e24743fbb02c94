"""Attach fixes to findings, apply them file by file, verify each edit and write atomically."""

from __future__ import annotations

import codecs
import copy
import difflib
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from okrlint.config import Config
from okrlint.fix.locate import Splice, Tree
from okrlint.fix.proposals import Proposal, propose
from okrlint.lint.findings import FIXABLE, Finding
from okrlint.source.yamlload import load_yaml
from okrlint.util.atomic import link_on_the_way, write_atomic
from okrlint.util.records import record


@record
class FileText:
    """A YAML file's decoded text, and whether it started with a UTF-8 BOM."""

    path: Path
    text: str
    bom: bool

    def encoded(self, text: str) -> bytes:
        """Return ``text`` as the file's bytes (BOM kept)."""
        return (codecs.BOM_UTF8 if self.bom else b"") + text.encode("utf-8")


@dataclass(slots=True)
class FileEdit:
    """The outcome of fixing one file: its old and new text, what was fixed and what was refused."""

    rel: str
    source: FileText
    new_text: str
    fixed: list[Finding] = field(default_factory=list)
    refused: list[tuple[Finding, str]] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Return True when the fixes change the file."""
        return self.new_text != self.source.text

    def diff(self) -> str:
        """Return the change as a unified diff (a/ and b/ paths, like git)."""
        old = self.source.text.splitlines(keepends=True)
        new = self.new_text.splitlines(keepends=True)
        lines = difflib.unified_diff(old, new, f"a/{self.rel}", f"b/{self.rel}")
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def read_yaml_text(path: Path, max_bytes: int) -> FileText | None:
    """Return the file's text for editing, or None when it is too big or not UTF-8."""
    try:
        data = path.read_bytes()
        bom = data.startswith(codecs.BOM_UTF8)
        text = data[len(codecs.BOM_UTF8) :].decode("utf-8") if bom else data.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return FileText(path, text, bom) if len(data) <= max_bytes and not path.is_symlink() else None


def _proposals_in(source: FileText, findings: Sequence[Finding], config: Config) -> dict[Finding, Proposal]:
    loaded = load_yaml(source.text, config.limits)
    if loaded.root is None:
        return {}
    tree = Tree(source.text, loaded.root)
    found = {}
    for finding in findings:
        proposal = propose(finding, tree)
        if proposal is not None:
            found[finding] = proposal
    return found


def find_fixes(findings: Iterable[Finding], config: Config) -> dict[str, tuple[FileText, dict[Finding, Proposal]]]:
    """Return, per file with fixable findings, its text and the fix of each finding that has one."""
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.code in FIXABLE and not finding.path.endswith(".csv"):
            by_path[finding.path].append(finding)
    result = {}
    for rel, group in by_path.items():
        if link_on_the_way(config.root / rel, config.root) is not None:
            continue  # never write through a link (SPEC §7)
        source = read_yaml_text(config.root / rel, config.max_file_bytes)
        proposals = _proposals_in(source, group, config) if source is not None else {}
        if source is not None and proposals:
            result[rel] = (source, proposals)
    return result


def with_fixes(findings: Sequence[Finding], config: Config) -> tuple[Finding, ...]:
    """Return ``findings`` with the fix each one can carry attached."""
    fixes = {f: p.fix for _, proposals in find_fixes(findings, config).values() for f, p in proposals.items()}
    return tuple(replace(f, fix=fixes[f]) if f in fixes else f for f in findings)


def _plain(data: Any) -> str:
    return json.dumps(data, default=str, sort_keys=True)


def _splice(text: str, splices: Sequence[Splice]) -> str:
    for s in sorted(splices, key=lambda s: s.start, reverse=True):
        text = text[: s.start] + s.new + text[s.end :]
    return text


def _verify(old: str, new: str, expected: Any, config: Config) -> str | None:
    """Return why ``new`` is not ``old`` plus the fixes, or None when it is."""
    from okrlint.fix.comments import comments

    loaded = load_yaml(new, config.limits)
    if loaded.problems or loaded.root is None:
        return "the fixed file would not load"
    if _plain(loaded.root) != _plain(expected):
        return "the fixed file would not re-load as the original plus the fix"
    if comments(old) != comments(new):
        return "the fix would change the file's comments"
    return None


def _disjoint(groups: dict[tuple[Splice, ...], list[Proposal]]) -> list[tuple[Splice, ...]]:
    """Return the groups of splices to apply in one round: later ones that overlap an earlier one wait."""
    taken: list[Splice] = []
    chosen = []
    for splices in sorted(groups, key=lambda group: group[0].start):
        if any((s.start < t.end and t.start < s.end) or s.start == t.start for s in splices for t in taken):
            continue  # overlaps a fix already chosen: the next round takes it
        taken.extend(splices)
        chosen.append(splices)
    return chosen


def _attempt(text: str, data: Any, groups: Sequence[list[Proposal]], config: Config) -> tuple[str, Any, str | None]:
    """Apply ``groups`` together; return the new text, the expected data and why it failed (None: it did not)."""
    expected = copy.deepcopy(data)
    for group in groups:
        group[0].change(expected)
    new = _splice(text, [s for group in groups for s in group[0].splices])
    return new, expected, _verify(text, new, expected, config)


def fix_file(rel: str, source: FileText, proposals: Sequence[Proposal], config: Config) -> FileEdit:
    """Apply ``proposals`` to one file, verified together (then one by one if that fails); refuse any that fails."""
    edit = FileEdit(rel, source, source.text)
    data = json.loads(_plain(load_yaml(source.text, config.limits).root))
    groups: dict[tuple[Splice, ...], list[Proposal]] = defaultdict(list)
    for proposal in proposals:
        groups[proposal.splices].append(proposal)
    chosen = [groups[splices] for splices in _disjoint(groups)]
    new, expected, reason = _attempt(edit.new_text, data, chosen, config)
    if reason is None:
        edit.new_text = new
        edit.fixed.extend(p.finding for group in chosen for p in group)
        return edit
    for group in sorted(chosen, key=lambda g: -g[0].splices[0].start):  # from the end: offsets stay valid
        new, expected, reason = _attempt(edit.new_text, data, [group], config)
        if reason is not None:
            edit.refused.extend((p.finding, reason) for p in group)
            continue
        edit.new_text, data = new, expected
        edit.fixed.extend(p.finding for p in group)
    return edit


def plan_fixes(findings: Iterable[Finding], config: Config, unsafe: bool) -> list[FileEdit]:
    """Return the edits ``--fix`` makes (safe fixes, plus unsafe ones when ``unsafe``)."""
    edits = []
    for rel, (source, proposals) in sorted(find_fixes(findings, config).items()):
        chosen = [p for p in proposals.values() if unsafe or p.fix.applicability == "safe"]
        if chosen:
            edits.append(fix_file(rel, source, chosen, config))
    return edits


def write_edits(edits: Iterable[FileEdit]) -> None:
    """Write every changed file atomically."""
    for edit in edits:
        if edit.changed:
            write_atomic(edit.source.path, edit.source.encoded(edit.new_text))
