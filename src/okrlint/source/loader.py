"""Read one file into a schema-checked document (or the problems that stop it)."""

from __future__ import annotations

import re
from dataclasses import field

from okrlint.source.documents import Document, kind_of
from okrlint.source.files import SourceFile, read_text
from okrlint.source.problems import LoadProblem
from okrlint.source.schemas import validate, validate_rows
from okrlint.source.suppress import NONE, Suppressions, parse_suppressions
from okrlint.source.yamlload import Limits, YMap, YSeq, load_yaml
from okrlint.util.records import record


@record
class LoadedFile:
    """One file after reading, parsing and schema validation.

    ``document`` is None when the file could not be used (its problems say why); ``kind`` is
    known whenever the top-level key was readable, even if the document was then refused, and
    for a file that does not parse it is the kind its top-level keys claim (``claimed_kind``),
    so references into it are held back rather than reported (SPEC §2 Cascades).
    ``text`` is kept for CSV files, which are parsed later. ``omitted`` names the rows of a
    check-in log that were left out (each at its row, with the reason), the rest still counts.
    ``built`` is what a later stage already built from the document, in its place (``document``
    is then None), with the problems found while building it: the engine keeps check-in logs
    built, not as trees. This stage does not know the model's types; ``okrlint.model.logcodec.
    built_log`` reads it back typed.
    """

    source: SourceFile
    kind: str | None
    document: Document | None
    problems: tuple[LoadProblem, ...] = ()
    suppressions: Suppressions = NONE
    text: str | None = field(default=None, repr=False)
    omitted: tuple[LoadProblem, ...] = ()
    built: tuple[object, tuple[LoadProblem, ...]] | None = field(default=None, repr=False, compare=False)


_TOP_KEY = re.compile(r"^[{ ]?[\"']?(objectives|kpis|checkins|teams)[\"']?[ \t]*:", re.MULTILINE)


def claimed_kind(text: str) -> str | None:
    """Return the kind a file that does not load claims by a top-level key at the start of a line."""
    m = _TOP_KEY.search(text)
    return m.group(1) if m else None


def load_file(source: SourceFile, max_file_bytes: int, limits: Limits) -> LoadedFile:
    """Read, parse and validate ``source``; never raises for bad content."""
    text, problem = read_text(source, max_file_bytes)
    if text is None:  # an unreadable CSV under the paths was meant as a check-in log: hold back what needs it
        claimed = "checkins" if source.is_csv and problem is not None else None
        return LoadedFile(source, claimed, None, (problem,) if problem else ())
    suppressions = parse_suppressions(text, csv=source.is_csv)
    if source.is_csv:
        return LoadedFile(source, "checkins", None, (), suppressions, text)
    if not text.strip() or all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        return LoadedFile(source, None, None, (LoadProblem("E007", 1, 1, "the file is empty"),), suppressions)
    result = load_yaml(text, limits)
    root = result.root
    problems = list(result.problems)
    if root is None:
        if not problems:
            problems.append(LoadProblem("E007", 1, 1, "the file is empty"))
        return LoadedFile(source, claimed_kind(text), None, tuple(problems), suppressions)
    if not isinstance(root, YMap):
        shown = "a list" if isinstance(root, list) else "a single value"
        problems.append(LoadProblem("E007", 1, 1, f"the top level is {shown}, not a mapping"))
        return LoadedFile(source, None, None, tuple(problems), suppressions)
    kind = kind_of(root)
    if kind is None:
        keys = ", ".join(list(root)[:5]) or "none"
        problems.append(
            LoadProblem(
                "E007",
                *root.mark,
                f"no known top-level key (objectives, kpis, checkins or teams); found: {keys}",
            )
        )
        return LoadedFile(source, None, None, tuple(problems), suppressions)
    if kind == "checkins" and not problems:
        found, omitted = _drop_bad_rows(root)
        document = None if omitted is None else Document(source.rel, kind, root)
        return LoadedFile(source, kind, document, tuple(found), suppressions, omitted=omitted or ())
    problems.extend(validate(kind, root))
    document = None if problems else Document(source.rel, kind, root)
    return LoadedFile(source, kind, document, tuple(problems), suppressions)


def _drop_bad_rows(root: YMap) -> tuple[list[LoadProblem], tuple[LoadProblem, ...] | None]:
    """Validate a check-in log, dropping the rows that break the schema (each left out on its own).

    Return the problems and, per dropped row, a problem at the row saying why; None instead when
    the log is broken as a whole (SPEC §2 Cascades: a bad row is left out alone).
    """
    problems, bad = validate_rows("checkins", root, "checkins")
    if bad is None:
        return problems, None
    if bad:
        rows: YSeq = root["checkins"]
        omitted = tuple(LoadProblem(p.code, *rows.item_marks[i], p.message) for i, p in sorted(bad.items()))
        kept = [i for i in range(len(rows)) if i not in bad]
        marks = rows.item_marks
        rows[:] = [rows[i] for i in kept]
        rows.item_marks = [marks[i] for i in kept]
        if validate("checkins", root):  # pragma: no cover - the schema judges rows one by one
            return problems, None
        return problems, omitted
    return problems, ()
