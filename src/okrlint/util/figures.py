"""Write numbers as people write them: thousands separators, no scientific notation, honest precision.

Every output that shows a number to a person (lint messages, text, Markdown, HTML, diff)
goes through these helpers; JSON keeps the unrounded numbers.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

__all__ = ["exact", "finite", "number", "quantum", "to_quantum"]

# Past this size a number is shown with three significant digits (the rest would be noise).
_HUGE = 1e15


def finite(raw: Any) -> float | None:
    """Return raw as a finite float (bools and non-numbers give None)."""
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        return None
    f = float(raw)
    return f if math.isfinite(f) else None


def _grouped(text: str) -> str:
    """Return a plain decimal ``-1234567.5`` as ``-1,234,567.5``."""
    sign, body = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, _, fraction = body.partition(".")
    return f"{sign}{int(whole):,}" + (f".{fraction}" if fraction else "")


def _plain(value: Decimal) -> str:
    """Return a Decimal in positional notation without trailing zeros after the point."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _huge(v: float) -> str:
    """Return a very large number with three significant digits, written out: 1.23e18 -> "1,230,000,000,000,000,000"."""
    return _grouped(_plain(Decimal(f"{v:.3g}")))


def number(raw: Any) -> str:
    """Format a number for people: 1180 -> "1,180", 99.95 -> "99.95", 0.8812 -> "0.8812"; None -> "–"."""
    v = finite(raw)
    if v is None:
        return "–"
    if v == 0:
        return "0"
    if abs(v) >= _HUGE:
        return _huge(v)
    decimals = max(0, min(6, 3 - math.floor(math.log10(abs(v)))))
    text = f"{v:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def exact(raw: Any) -> str:
    """Format a number as written, every digit kept: 6200000 -> "6,200,000", 1e-07 -> "0.0000001".

    For messages that quote a value back to its author; very large numbers keep three
    significant digits. Booleans are ``true``/``false``; other values are ``str()``.
    """
    if isinstance(raw, bool):
        return str(raw).lower()
    v = finite(raw)
    if v is None:
        return str(raw)
    if abs(v) >= _HUGE:
        return _huge(v)
    return _grouped(_plain(Decimal(repr(v)) if isinstance(raw, float) else Decimal(int(raw))))


def _step(raw: Any) -> Decimal | None:
    """Return the place of a number's last significant digit: 6200000 -> 1E+5, 2.49 -> 0.01, 0 -> None."""
    v = finite(raw)
    if v is None or v == 0:
        return None
    digits = Decimal(repr(v)).normalize()
    return Decimal(1).scaleb(digits.as_tuple().exponent)  # type: ignore[arg-type]  # finite: int exponent


def quantum(values: Iterable[Any]) -> Decimal | None:
    """Return the finest precision of ``values`` (the place of their smallest last significant digit)."""
    steps = [s for s in (_step(v) for v in values) if s is not None]
    return min(steps) if steps else None


def to_quantum(raw: Any, step: Decimal | None) -> Any:
    """Round ``raw`` to a multiple of ``step`` (from :func:`quantum`); non-numbers and no step pass through."""
    v = finite(raw)
    if v is None or step is None:
        return raw
    rounded = float((Decimal(repr(v)) / step).quantize(Decimal(1)) * step)
    return rounded if math.isfinite(rounded) else raw
