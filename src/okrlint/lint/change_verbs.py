"""The verbs of change in one table: which way each moves a quantity, and which readings it takes part in.

S201, Q301 and the rewrite hints read verbs of change in different roles; each role's word set
(and the rewrite's direction patterns) is derived from this table, so a new verb is one row.
Roles: ``V`` a lead that asks for an unmeasured change (S201 vague), ``C`` a change verb (its
gerund or noun names a quality, "improving onboarding"), ``O`` a lead whose number is an outcome,
not output (Q301: "Grow signups to 400"), ``G`` a growth verb that can count the team's own output
or staff ("Increase blog posts from 15 to 30", "Double the team"), ``R`` the rewrite hint reads
its direction ("Raise X from … to …" / "Cut X from … to …").
"""

from __future__ import annotations

import re

from okrlint.lint.spelling import word_set

__all__ = ["CHANGE", "DOWN_PATTERN", "GROWTH", "OUTCOME", "UP_PATTERN", "VAGUE"]

# verb (a phrasal verb's words joined by _)   direction   roles
_TABLE = """
improve      up    V C O R
increase     up    V C O G R
enhance      up    V C R
grow         up    V C O G R
boost        up    V C O G R
lift         up    V C O G R
raise        up    V O G R
maximize     up    V C R
strengthen   up    V C R
expand       up    V C G R
accelerate   up    V C R
better       up    V C R
drive        up    V O R
speed_up     up    V C R
double       up    V O G
triple       up    O
scale        up    C
reduce       down  V C O R
decrease     down  V C O R
cut          down  V O R
lower        down  V O R
minimize     down  V C R
shrink       down  V C O R
slash        down  V C O R
trim         down  V C O R
halve        down  O
eliminate    down  V R
avoid        down  V R
optimize     even  V C
streamline   even  V C
refine       even  V C
polish       even  V C
simplify     even  V C
"""
_ROWS = [
    (verb.split("_"), direction, set(roles)) for verb, direction, *roles in map(str.split, _TABLE.strip().splitlines())
]


def _first_words(role: str) -> frozenset[str]:
    """Return the first words of the verbs with ``role``, in both -ize/-ise spellings."""
    return word_set(" ".join(words[0] for words, _, roles in _ROWS if role in roles))


def _pattern(direction: str) -> str:
    """Return a regex alternation of the rewrite's verbs of ``direction`` (longest first; phrasal words apart)."""
    verbs = {
        r"\s+".join(map(re.escape, spelled.split("_")))
        for words, way, roles in _ROWS
        if way == direction and "R" in roles
        for spelled in word_set("_".join(words))
    }
    return "|".join(sorted(verbs, key=lambda v: (-len(v), v)))


VAGUE = _first_words("V")
CHANGE = _first_words("C")
OUTCOME = _first_words("O")
GROWTH = _first_words("G")
UP_PATTERN = _pattern("up")
DOWN_PATTERN = _pattern("down")
