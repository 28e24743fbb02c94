"""An open amount or a comparison with no number in a title that names a deliverable (SPEC S201).

"Ship the new editor as fast as possible", "Rewrite our runbooks and get the on-call rotation in good shape":
the thing is done or not, but the title also asks for an amount nobody bounds, so it is vague.
"""

from __future__ import annotations

import itertools

from okrlint.lint.deliverable_words import UNBOUNDED
from okrlint.lint.sentences import at, main_clause

__all__ = ["open_comparison"]

_NOT_COMPARED = frozenset({"well", "soon", "long", "far", "such", "yet", "of"})


def open_comparison(words: list[str], lower: list[str], due: bool = False) -> tuple[str, ...] | None:
    """Return the words of an open amount or a comparison with no number: "as fast as GitHub.com", "in good shape".

    ``due``: the title completes one thing, so "on time", "on budget" and "on schedule" give its date, not a routine.
    """
    if "possible" in lower:
        i = lower.index("possible")
        if at(lower, i - 1) == "as" and "as" in lower[max(0, i - 6) : i - 2] and "soon" not in lower[i - 4 : i]:
            return ("as", "possible")
    if any(pair in UNBOUNDED for pair in itertools.pairwise(lower)):  # then only in the main clause, not in
        main = [w.lower() for w in main_clause(words)]  # a side one: "with tests where possible"
        unbounded = [f"{a} {b}" for a, b in itertools.pairwise(main) if (a, b) in UNBOUNDED and not (due and a == "on")]
        if unbounded:
            return (unbounded[0],)  # "Rewrite our runbooks and get the on-call rotation in good shape"
    for i in range(len(lower) - 2) if lower.count("as") > 1 else ():
        if lower[i] == lower[i + 2] == "as" and lower[i + 1].isalpha() and lower[i + 1] not in _NOT_COMPARED:
            return tuple(lower[i : i + 3])  # not "as well as", "as soon as", "as long as", "as part of"
    return None
