"""The one parser of numbers people type as data: CSV check-in cells and ``okrlint checkin`` arguments.

(Numbers inside KR titles are read by ``okrlint.lint.quantities``: that is prose, a different job.)
Accepted: ``12``, ``-3.5``, ``.5``, ``1e3``, ``1,200`` (commas grouping thousands), and the
words ``nan``/``inf`` (returned non-finite, for the caller to refuse or report). Integers come
back as ``int`` while a float can hold them; any number too large for a float is ``±inf``,
never an exception, however many digits it has.
"""

from __future__ import annotations

import math
import re

NUMBER_RE = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\Z")
_INTEGER_RE = re.compile(r"[-+]?[0-9]+\Z")
_GROUPED_RE = re.compile(r"[-+]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?\Z")
_MAX_INT_DIGITS = 400  # beyond any float (and far below Python's int-from-text limit)
_NON_FINITE = {
    ".nan": math.nan,
    "nan": math.nan,
    ".inf": math.inf,
    "inf": math.inf,
    "+.inf": math.inf,
    "+inf": math.inf,
    "-.inf": -math.inf,
    "-inf": -math.inf,
}


def parse_number(text: str) -> int | float | None:
    """Return the number ``text`` spells (surrounding blanks ignored), None when it spells none."""
    cell = text.strip()
    if _GROUPED_RE.match(cell):
        cell = cell.replace(",", "")
    elif not NUMBER_RE.match(cell):
        return _NON_FINITE.get(cell.lower())
    if not _INTEGER_RE.match(cell):
        return float(cell)  # float() reads any length; too large is ±inf
    if len(cell) > _MAX_INT_DIGITS:
        return -math.inf if cell.startswith("-") else math.inf
    integer = int(cell)
    try:
        float(integer)
    except OverflowError:
        return -math.inf if integer < 0 else math.inf
    return integer
