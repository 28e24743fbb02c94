"""Read one file into a schema-checked document (or the problems that stop it)."""

from __future__ import annotations

from dataclasses import dataclass, field

from okrlint.source.documents import Document, kind_of
from okrlint.source.files import SourceFile, read_text
from okrlint.source.problems import LoadProblem
from okrlint.source.schemas import validate
from okrlint.source.suppress import NONE, Suppressions, parse_suppressions
from okrlint.source.yamlload import Limits, YMap, load_yaml


@dataclass(frozen=True, slots=True)
class LoadedFile:
    """One file after reading, parsing and schema validation.

    ``document`` is None when the file could not be used (its problems say why); ``kind`` is
    known whenever the top-level key was readable, even if the document was then refused.
    ``text`` is kept for CSV files, which are parsed later.
    """

    source: SourceFile
    kind: str | None
    document: Document | None
    problems: tuple[LoadProblem, ...] = ()
    suppressions: Suppressions = NONE
    text: str | None = field(default=None, repr=False)


def load_file(source: SourceFile, max_file_bytes: int, limits: Limits) -> LoadedFile:
    """Read, parse and validate ``source``; never raises for bad content."""
    text, problem = read_text(source, max_file_bytes)
    if text is None:
        return LoadedFile(source, None, None, (problem,) if problem else ())
    suppressions = parse_suppressions(text)
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
        return LoadedFile(source, None, None, tuple(problems), suppressions)
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
    problems.extend(validate(kind, root))
    document = None if problems else Document(source.rel, kind, root)
    return LoadedFile(source, kind, document, tuple(problems), suppressions)
