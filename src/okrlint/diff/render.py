"""Render an ``okrlint diff`` result: JSON (SPEC §5.1) or a Markdown PR comment a reviewer can read."""

from __future__ import annotations

import json
import re
from collections import Counter
from itertools import groupby
from typing import Any

from okrlint.diff.compare import WORKING_TREE, Change, DiffResult
from okrlint.lint.findings import Finding, Severity
from okrlint.model.repository import KeyResult, Repository
from okrlint.util.markdown import escape_markdown as escape
from okrlint.util.numbers import plain_number
from okrlint.util.text import plural

_PLAIN = re.compile(r"[\w./:+-]+", re.ASCII)  # text that can show as a code span as it is
FIELD_WORDS = {
    "title": "title",
    "type": "type",
    "owner": "owner",
    "aligns": "alignment",
    "description": "description",
    "kind": "kind",
    "baseline": "baseline",
    "target": "target",
    "range": "range",
    "unit": "unit",
    "direction": "direction",
    "kpi": "KPI",
    "weight": "weight",
    "due": "due date",
}
COMMENT_LIMIT = 60_000
ICONS = {Severity.ERROR: "🔴 error", Severity.WARNING: "🟡 warning", Severity.INFO: "🔵 info"}


def render_json(result: DiffResult) -> str:
    """Return the diff as the JSON document of SPEC §5.1."""
    return json.dumps(result.as_dict(), indent=2, ensure_ascii=False) + "\n"


def code(text: str) -> str:
    """Return ``text`` as a Markdown code span when it is plain (a path, ref or revision), else escaped."""
    return f"`{text}`" if _PLAIN.fullmatch(text) else escape(text)


def _value(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, dict):
        return f"{_value(value['min'])}–{_value(value['max'])}"
    if isinstance(value, list):
        return ", ".join(_value(v) for v in value) or "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return plain_number(value) if isinstance(value, int | float) else str(value)


def _measure(kr: KeyResult) -> str:
    """Describe what a KR measures in a few words: from → to, a band, or a milestone."""
    unit = f" {kr.unit}" if kr.unit else ""
    if kr.kind == "metric":
        start = f"{_value(kr.baseline)} → " if kr.baseline is not None else "to "
        return escape(f"{start}{_value(kr.target)}{unit}")
    if kr.kind == "range":
        return escape(f"keep within {_value(plain_range(kr))}{unit}")
    if kr.kind == "milestone":
        return "milestone"
    return "no target"


def plain_range(kr: KeyResult) -> dict[str, float] | None:
    """Return a range KR's band as {min, max}."""
    return {"min": kr.range[0], "max": kr.range[1]} if kr.range else None


def _find_kr(repo: Repository, change: Change) -> KeyResult | None:
    _team, objective_id, kr_id = change.ref.split("/")
    for okr_set in repo.okr_sets:
        if okr_set.team == change.team and okr_set.period.id == change.period:
            for objective in okr_set.objectives:
                if objective.id == objective_id:
                    return next((kr for kr in objective.key_results if kr.id == kr_id), None)
    return None


def _headline(result: DiffResult) -> str:
    entities = {(c.change, c.kind, c.ref) for c in result.changes}
    counts = Counter((change, kind) for change, kind, _ref in entities)
    parts = []
    for change in ("added", "removed", "changed"):
        words = [
            plural(counts[(change, kind)], label)
            for kind, label in (("objective", "objective"), ("key_result", "key result"))
            if counts[(change, kind)]
        ]
        if words:
            parts.append(f"{' and '.join(words)} {change}")
    changes = "; ".join(parts) if parts else "no change to objectives or key results"
    severities = Counter(f.severity for f in result.new_findings)
    found = plural(len(result.new_findings), "new finding")
    if result.new_findings:
        found += " (" + ", ".join(plural(severities[s], str(s)) for s in sorted(severities, reverse=True)) + ")"
    return f"**{changes[0].upper()}{changes[1:]}** · **{found}**"


def _change_line(change: Change, siblings: list[Change], result: DiffResult) -> list[str]:
    noun = "Objective" if change.kind == "objective" else "Key result"
    name = f"**{escape(change.title)}** ({code(change.ref)})"
    if change.change == "added" and change.kind == "objective":
        krs = [c for c in siblings if c.kind == "key_result" and c.ref.startswith(change.ref + "/")]
        lines = [f"- ➕ New objective {name}" + (f" with {plural(len(krs), 'key result')}:" if krs else "")]
        for kr_change in krs:
            kr = _find_kr(result.head_repo, kr_change)
            lines.append(f"  - {escape(kr_change.title)} — {_measure(kr) if kr else 'key result'}")
        return lines
    if change.change == "removed" and change.kind == "objective":
        krs = [c for c in siblings if c.kind == "key_result" and c.ref.startswith(change.ref + "/")]
        return [f"- ➖ Dropped objective {name}" + (f" and its {plural(len(krs), 'key result')}" if krs else "")]
    if change.change == "added":
        kr = _find_kr(result.head_repo, change)
        return [f"- ➕ New key result {name} — {_measure(kr) if kr else 'key result'}"]
    if change.change == "removed":
        return [f"- ➖ Dropped key result {name}" + _moved_note([change])]
    fields = [c for c in siblings if c.change == "changed" and c.ref == change.ref]
    words = [
        f"{FIELD_WORDS.get(c.field or '', c.field)} {escape(_value(c.old))} → {escape(_value(c.new))}"
        for c in fields
        if c.field != "title"
    ]
    renamed = [c for c in fields if c.field == "title"]
    if renamed:
        words.insert(0, f"renamed from “{escape(renamed[0].old)}”")
    return [f"- ✏️ {noun} {name}: " + "; ".join(words) + _moved_note(fields)]


def _moved_note(changes: list[Change]) -> str:
    """Return the ⚠ note for goalposts moved mid-period, with the share of the period elapsed."""
    moved = [c for c in changes if c.mid_period]
    if not moved:
        return ""
    share = f"{round((moved[0].elapsed or 0.0) * 100)}%"
    week = f" (week {moved[0].week})" if moved[0].week else ""
    return f" — ⚠ **goalposts moved mid-period**: {share} of {escape(moved[0].period)} had elapsed{week}"


def _moved_warning(result: DiffResult) -> list[str]:
    """Return the warning at the top of the comment when any goalpost moved mid-period."""
    refs = sorted({c.ref for c in result.changes if c.mid_period})
    if not refs:
        return []
    when = f" (as of {result.as_of.isoformat()})" if result.as_of else ""
    what = plural(len(refs), "key result") if all(c.count("/") == 2 for c in refs) else plural(len(refs), "goal")
    return [
        "",
        f"> ⚠ **Goalposts moved mid-period{when}:** {what} — target, baseline, range or type changed, or "
        "dropped, after the period started. Reviewers: check this was agreed.",
    ]


def _team_sections(result: DiffResult) -> list[str]:
    lines: list[str] = []
    ordered = sorted(result.changes, key=lambda c: (c.team, c.period))
    for (team, period), group in groupby(ordered, key=lambda c: (c.team, c.period)):
        changes = list(group)
        lines += ["", f"### {escape(team)} · {escape(period)}", ""]
        shown: set[tuple[str, str]] = set()
        for change in changes:
            parent_gone = (
                change.kind == "key_result"
                and change.change in ("added", "removed")
                and any(
                    c.kind == "objective" and c.change == change.change and change.ref.startswith(c.ref + "/")
                    for c in changes
                )
            )
            key = (change.change, change.ref)
            if parent_gone or key in shown:
                continue
            shown.add(key)
            lines += _change_line(change, changes, result)
    return lines


def _finding_rows(findings: tuple[Finding, ...]) -> list[str]:
    if not findings:
        return ["", "### New findings", "", "None: this change adds no lint findings. ✅"]
    lines = ["", "### New findings", "", "| | Where | Rule | Message |", "|---|---|---|---|"]
    for f in sorted(findings, key=lambda f: (-f.severity, f)):
        where = code(f"{f.path}:{f.line}:{f.column}")
        lines.append(f"| {ICONS[f.severity]} | {where} | {f.code} {escape(f.rule)} | {escape(f.message)} |")
    return lines


def _fit(lines: list[str], budget: int) -> list[str]:
    """Return ``lines`` cut to ``budget`` characters, with a note saying how much was left out."""
    kept: list[str] = []
    size = 0
    for index, line in enumerate(lines):
        if size + len(line) + 1 > budget:
            left = len(lines) - index
            return [
                *kept,
                "",
                f"_… {left} more lines left out to fit a GitHub comment; run `okrlint diff` "
                "locally to see everything._",
            ]
        kept.append(line)
        size += len(line) + 1
    return kept


def render_markdown(result: DiffResult, limit: int = COMMENT_LIMIT) -> str:
    """Return the diff as a Markdown PR comment: headline, per-team changes in plain words, new findings.

    The text stays under ``limit`` characters (GitHub comments hold 65,536): whatever does not
    fit is left out with a note.
    """
    head = [
        "## OKR changes",
        "",
        f"{code(result.base)} → "
        f"{code(result.head) if result.head != WORKING_TREE else 'working tree'}: {_headline(result)}",
    ]
    head += _moved_warning(result)
    footer = ["", "<sub>Generated by `okrlint diff`; run it locally to see the same.</sub>"]
    budget = limit - len("\n".join(head + footer)) - 200
    body = _fit(_team_sections(result) + _finding_rows(result.new_findings), budget)
    return "\n".join(head + body + footer) + "\n"
