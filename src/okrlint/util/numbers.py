"""Numbers as people write them: the one parser of CSV cells and ``okrlint checkin`` arguments, and plain output.

(Numbers inside KR titles are read by ``okrlint.lint.quantities``: that is prose, a different job.)
Accepted: ``12``, ``-3.5``, ``.5``, ``1e3``, ``1,200`` (commas grouping thousands), and the
words ``nan``/``inf`` (returned non-finite, for the caller to refuse or report). Integers come
back as ``int`` while a float can hold them; any number too large for a float is ``±inf``,
never an exception, however many digits it has.
"""

from __future__ import annotations

import math

from okrlint.util.lazyre import lazy_compile

NUMBER_RE = lazy_compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\Z")
_INTEGER_RE = lazy_compile(r"[-+]?[0-9]+\Z")
_GROUPED_RE = lazy_compile(r"[-+]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?\Z")
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


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def scientific(value: float, digits: int = 3) -> str:
    """Return ``value`` as people write a huge or tiny number: ``1.8×10³⁰⁸`` (never ``1.8e+308``)."""
    mantissa, _, exponent = f"{value:.{digits}g}".partition("e")
    if not exponent:
        return mantissa
    return f"{mantissa}×10{str(int(exponent)).translate(_SUPERSCRIPT)}"


def _grouped(text: str) -> str:
    """Return a positional number ``-1234567.5`` with its thousands grouped: ``-1,234,567.5``."""
    sign, body = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, dot, fraction = body.partition(".")
    return f"{sign}{int(whole):,}{dot}{fraction}" if whole.isdigit() else text


def plain_number(value: float) -> str:
    """Return ``value`` for a message as people write it: ``:g``'s digits, thousands grouped, never an exponent.

    ``6200000`` is ``6,200,000`` (not ``6.2e+06``); beyond 10^15 (or below 10^-6) ``6.2×10¹⁸``.
    """
    text = f"{value:g}"
    if not math.isfinite(value):
        return text
    if "e" in text:
        if not 1e-6 <= abs(value) < 1e15:
            return scientific(value, 6)
        from decimal import Decimal  # rare here: the lint path does not import decimal

        text = format(Decimal(repr(float(value))), "f")
        text = text.rstrip("0").rstrip(".") if "." in text else text
    return _grouped(text)
