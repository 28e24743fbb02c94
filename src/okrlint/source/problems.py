"""What the source stage reports: a problem at a 1-based line and column of a file, and what was left out."""

from __future__ import annotations

from okrlint.util.records import record

Mark = tuple[int, int]


@record
class LoadProblem:
    """A problem found while loading: rule code, 1-based position and message."""

    code: str
    line: int
    column: int
    message: str


@record(order=True)
class Omission:
    """A file, document or row left out of the model (and so of every score), and why."""

    path: str
    line: int
    column: int
    reason: str
