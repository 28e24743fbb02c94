"""What the source stage reports: a problem at a 1-based line and column of a file."""

from __future__ import annotations

from dataclasses import dataclass

Mark = tuple[int, int]


@dataclass(frozen=True, slots=True)
class LoadProblem:
    """A problem found while loading: rule code, 1-based position and message."""

    code: str
    line: int
    column: int
    message: str
