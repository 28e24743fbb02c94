"""Inline suppressions: ``# okrlint: disable=CODE[,CODE]`` and ``# okrlint: disable-file=CODE``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_DIRECTIVE = re.compile(r"#\s*okrlint:\s*(disable-file|disable)\s*=\s*([A-Za-z0-9_, \t-]+)")


@dataclass(frozen=True, slots=True)
class Suppressions:
    """Selectors disabled per line, and for the whole file."""

    by_line: dict[int, tuple[str, ...]] = field(default_factory=dict)
    whole_file: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.by_line or self.whole_file)


NONE = Suppressions()


def parse_suppressions(text: str) -> Suppressions:
    """Collect the suppression comments of a file's text.

    A comment at the end of a line covers that line; a comment on a line of its own covers
    the line just below it.
    """
    if "okrlint:" not in text:
        return NONE
    by_line: dict[int, tuple[str, ...]] = {}
    whole: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if "okrlint:" not in line:
            continue
        for match in _DIRECTIVE.finditer(line):
            selectors = tuple(part.strip() for part in match.group(2).split(",") if part.strip())
            if match.group(1) == "disable-file":
                whole.extend(selectors)
                continue
            target = number + 1 if line.lstrip().startswith("#") else number
            by_line[target] = by_line.get(target, ()) + selectors
    return Suppressions(by_line, tuple(whole))
