"""Regular expressions compiled on first use, so importing a module that defines many costs nothing."""

from __future__ import annotations

import re
from typing import Any, cast

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "groups", "groupindex")


class LazyPattern:
    """A ``re.Pattern`` stand-in that compiles its pattern the first time one of its methods is used.

    After the first use the compiled pattern's methods sit in the instance, so later calls cost
    what calls on the compiled pattern cost.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def __getattr__(self, name: str) -> Any:
        if name not in _METHODS:
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self.flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Return a pattern compiled on first use (typed as the ``re.Pattern`` it answers like)."""
    return cast("re.Pattern[str]", LazyPattern(pattern, flags))


def ascii_lowered(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """Return ``pattern`` compiled on first use without ``re.IGNORECASE``, for ASCII text lowered first.

    When every letter ``pattern`` spells is lower case, the twin finds in ``text.lower()`` the
    spans ``pattern`` finds in an ASCII ``text``, without folding the case of each character
    it tries: several times faster.
    """
    return lazy_compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
