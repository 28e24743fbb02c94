"""Work out the fix a finding can carry: the text splices and the change they make to the data."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from okrlint.checkin.splice import scalar
from okrlint.fix.locate import Splice, Tree, get_path, insert_keys, scalar_span
from okrlint.fix.sorting import sort_rows
from okrlint.lint.findings import Finding, Fix
from okrlint.lint.measurable import named_deliverable
from okrlint.source.yamlload import YMap
from okrlint.util.records import record

Change = Callable[[Any], None]


@record
class Proposal:
    """A fix for one finding: splices into the file's text and the same change made to its plain data."""

    finding: Finding
    fix: Fix
    splices: tuple[Splice, ...]
    change: Change


Edit = tuple[str, str, tuple[Splice, ...], Change]  # applicability, message, splices, change

_UNKNOWN_KEY = re.compile(r"unknown key (.+) \(did you mean (.+)\?\)\Z")
_PERIOD = re.compile(r"(?i)\A\s*(?:([QH])([1-4])[\s_/-]*(\d{4})|(\d{4})[\s_/-]*([QH])([1-4]))\s*\Z")
_NUMBER = r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-+]?\d+(?:\.\d+)?"
_UNIT = r"%|[A-Za-z$€£µ][\w$€£µ/]*"
# Spaces before an optional unit are taken possessively ("\s*+"): "\s*(unit)?\s+" could split one long
# run of spaces in quadratically many ways before failing (SPEC §7: linear in the title).
FROM_TO = re.compile(
    rf"\bfrom\s++(?P<ca>[$€£])?(?P<a>{_NUMBER})(?:\s*+(?P<ua>{_UNIT}))?\s++to\s++(?P<cb>[$€£])?(?P<b>{_NUMBER})"
    rf"(?:\s*+(?P<ub>{_UNIT}))?(?=[\s,.;)]|\Z)",
    re.IGNORECASE,
)
_SCALE_WORDS = frozenset({"k", "m", "b", "bn", "thousand", "million", "billion", "x"})


def _number(text: str) -> int | float:
    value = float(text.replace(",", ""))
    return int(value) if value.is_integer() and "." not in text else value


def _rename_key(finding: Finding, tree: Tree) -> Edit | None:
    match = _UNKNOWN_KEY.search(finding.message)
    found = tree.map_with_key_at((finding.line, finding.column))
    if match is None or found is None:
        return None
    path, node, key = found
    new = match.group(2)[1:-1]
    if match.group(1) != repr(key) or repr(new) != match.group(2) or new in node:
        return None
    span = scalar_span(tree.lines.text, tree.lines.offset(node.key_marks[key]), key)
    if span is None:
        return None

    def change(data: Any) -> None:
        mapping = get_path(data, path)
        mapping[new] = mapping.pop(key)

    return "safe", f"rename `{key}` to `{new}`", (Splice(*span, scalar(new)),), change


def _period(finding: Finding, tree: Tree) -> Edit | None:
    root = tree.root
    value = root.get("period") if isinstance(root, YMap) else None
    if not isinstance(value, str) or root.value_marks.get("period") != (finding.line, finding.column):
        return None
    match = _PERIOD.match(value)
    span = scalar_span(tree.lines.text, tree.lines.offset(root.value_marks["period"]), value)
    if match is None or span is None:
        return None
    kind, number, year = match.group(1, 2, 3) if match.group(1) else match.group(5, 6, 4)
    fixed = f"{year}-{kind.upper()}{number}"
    if kind.upper() == "H" and number not in "12":
        return None

    def change(data: Any) -> None:
        data["period"] = fixed

    return "safe", f"write the period as `{fixed}`", (Splice(*span, fixed),), change


def _from_to(title: str) -> tuple[int | float, int | float, str | None] | None:
    """Return baseline, target and unit from a title's one "from A unit to B unit", else None."""
    matches = list(FROM_TO.finditer(title))
    if len(matches) != 1:
        return None
    m = matches[0]
    ua, ub = m.group("ua"), m.group("ub")
    if any(u is not None and u.lower() in _SCALE_WORDS for u in (ua, ub)) or m.group("ca") or m.group("cb"):
        return None
    a, b = _number(m.group("a")), _number(m.group("b"))
    return (a, b, ua if ua is not None and ua == ub else None) if a != b else None


def _fill_from_title(finding: Finding, tree: Tree) -> Edit | None:
    found = tree.key_result_at((finding.line, finding.column))
    if found is None:
        return None
    path, kr = found
    parsed = _from_to(kr["title"]) if isinstance(kr.get("title"), str) else None
    if parsed is None or "range" in kr or "milestone" in kr:
        return None
    wanted = {"baseline": parsed[0], "target": parsed[1], "unit": parsed[2]}
    if any(key in kr and value is not None and kr[key] != value for key, value in wanted.items()):
        return None
    added = {key: value for key, value in wanted.items() if key not in kr and value is not None}
    splice = insert_keys(tree.lines, kr, [(key, scalar(value)) for key, value in added.items()]) if added else None
    if splice is None:
        return None

    def change(data: Any) -> None:
        get_path(data, path).update(added)

    shown = ", ".join(f"`{key}: {scalar(value)}`" for key, value in added.items())
    return "safe", f"fill {shown} from the title", (splice,), change


def _milestone(finding: Finding, tree: Tree) -> Edit | None:
    found = tree.key_result_at((finding.line, finding.column))
    if found is None:
        return None
    path, kr = found
    title = kr.get("title")
    fields = {"target", "range", "milestone", "baseline", "unit", "direction", "kpi"}
    if not isinstance(title, str) or fields & set(kr):
        return None
    if named_deliverable(title) is None:  # the decision S202's message proposes `milestone: true` on
        return None
    splice = insert_keys(tree.lines, kr, [("milestone", "true")])
    if splice is None:
        return None

    def change(data: Any) -> None:
        get_path(data, path)["milestone"] = True

    return "unsafe", "add `milestone: true` (the title names a deliverable)", (splice,), change


def _sort_log(finding: Finding, tree: Tree) -> Edit | None:
    if "sorted" not in tree.memo:  # one log, many T402 findings: sort it once
        tree.memo["sorted"] = sort_rows(tree.lines, tree.root)
    sorted_rows = tree.memo["sorted"]
    if sorted_rows is None:
        return None

    def change(data: Any) -> None:
        data["checkins"].sort(key=lambda row: row["date"])

    return "unsafe", "sort the log's rows by date (comments move with their rows)", (sorted_rows,), change


_PROPOSERS: dict[str, tuple[Callable[[Finding, Tree], Edit | None], ...]] = {
    "E002": (_rename_key, _period),
    "S202": (_fill_from_title, _milestone),
    "S203": (_fill_from_title,),
    "S204": (_fill_from_title,),
    "T402": (_sort_log,),
}


def propose(finding: Finding, tree: Tree) -> Proposal | None:
    """Return the fix ``finding`` can carry in this file, or None."""
    for proposer in _PROPOSERS.get(finding.code, ()):
        edit = proposer(finding, tree)
        if edit is not None:
            applicability, message, splices, change = edit
            return Proposal(finding, Fix(applicability, message), splices, change)
    return None
