"""The finest precision of a series of numbers, so a report shows them alike (chart and table values)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from typing import Any

_NUMBERS = frozenset({int, float})


def quantum(values: Iterable[Any]) -> Decimal | None:
    """Return the finest precision of the finite numbers among ``values``: the place of their last significant digit.

    ``[5.9e6, 6.2e6]`` -> ``1E+5``; ``[2.49, 3]`` -> ``0.01``; None when there is no such number.
    """
    places = [
        _last_place(float(raw))
        for raw in values
        if (type(raw) in _NUMBERS or (not isinstance(raw, bool) and isinstance(raw, int | float)))
        and math.isfinite(raw)
        and raw != 0
    ]
    return Decimal(1).scaleb(min(places)) if places else None


@lru_cache(maxsize=65536)
def _last_place(value: float) -> int:
    """Return the power of ten of a finite, non-zero number's last significant digit (``2.49`` -> -2)."""
    return int(Decimal(repr(value)).normalize().as_tuple().exponent)


def to_quantum(raw: float, step: Decimal | None) -> float:
    """Round ``raw`` to a multiple of ``step`` (from :func:`quantum`); without a step, or when it cannot, unchanged."""
    if step is None or not math.isfinite(raw):
        return raw
    rounded = float((Decimal(repr(float(raw))) / step).quantize(Decimal(1)) * step)
    return rounded if math.isfinite(rounded) else raw
