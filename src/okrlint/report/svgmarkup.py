"""SVG markup for the scorecard charts: element builders with class defaults, escaping, coordinates."""

from __future__ import annotations

import html
import math
import re
from functools import lru_cache

__all__ = ["BLUE", "GREEN", "GREY", "VERMILLION"]

# Okabe-Ito colour-blind-safe hues plus a neutral grey; CSS overrides them by class.
BLUE = "#0072B2"
VERMILLION = "#D55E00"
GREEN = "#009E73"
GREY = "#777777"
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_Attrs = dict[str, float | str]
_DASHED: _Attrs = {"stroke_width": 1.5, "stroke_dasharray": "4 3"}
_LABEL: _Attrs = {"fill": "currentColor", "font_family": "sans-serif", "font_size": 10}
_STYLE: dict[str, _Attrs] = {  # defaults; CSS overrides them by class
    "chart-grid": {"stroke": GREY, "stroke_opacity": 0.4},
    "chart-axis-x": {"stroke": GREY},
    "chart-tick-mark": {"stroke": GREY},
    "chart-band": {"fill": GREEN, "fill_opacity": 0.15},
    "chart-baseline": {**_DASHED, "stroke": GREY, "stroke_dasharray": "2 3"},
    "chart-target": {**_DASHED, "stroke": VERMILLION, "stroke_dasharray": "8 4"},
    "chart-line": {"fill": "none", "stroke": BLUE, "stroke_width": 2},
    "chart-forecast": {**_DASHED, "stroke": BLUE},
    "chart-point": {"fill": BLUE},
    "chart-forecast-point": {"fill": "none", "stroke": BLUE, "stroke_width": 1.5},
    "sparkline-empty": {"stroke": GREY, "stroke_width": 1, "stroke_dasharray": "2 3"},
    "chart-label": _LABEL,
}


def _esc(text: object) -> str:
    """Escape text for XML/HTML and drop characters XML cannot carry."""
    return _esc_str(text) if type(text) is str and len(text) <= 200 else _escaped(str(text))


def _escaped(text: str) -> str:
    return html.escape(_XML_INVALID.sub("", text), quote=True)


# Class names, colours and labels repeat on every one of thousands of charts: escape each once.
_esc_str = lru_cache(maxsize=8192)(_escaped)


@lru_cache(maxsize=8192)
def _n(x: float) -> str:
    """Format a coordinate with at most 2 decimals (non-finite becomes 0)."""
    if not math.isfinite(x):
        return "0"
    s = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def _el(tag: str, cls: str, inner: str = "", **attrs: float | str) -> str:
    """Build an SVG element with class defaults; escape or format every attribute."""
    head, order = _shape(tag, cls, tuple(attrs))
    out = head.format(*[_esc(v) if isinstance(v, str) else _n(v) for v in map(attrs.__getitem__, order)])
    return f"{out}>{inner}</{tag}>" if inner else f"{out}/>"


@lru_cache(maxsize=1024)
def _shape(tag: str, cls: str, keys: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """Return an element's opening text as a format string (class defaults filled in) and its slots' keys.

    Attributes come in the order of the class defaults, a given one replacing its default in place,
    then the other given ones; each given attribute is a ``{n}`` slot.
    """
    merged: _Attrs = {}
    for c in cls.split():
        merged.update(_STYLE.get(c, {}))
    parts = [f'<{tag} class="{_esc(cls)}"'.replace("{", "{{").replace("}", "}}")]
    order: list[str] = []
    for key in {**merged, **dict.fromkeys(keys, "")}:
        if key in keys:
            parts.append(f' {key.replace("_", "-")}="{{{len(order)}}}"')
            order.append(key)
        else:
            v = merged[key]
            text = f' {key.replace("_", "-")}="{_esc(v) if isinstance(v, str) else _n(v)}"'
            parts.append(text.replace("{", "{{").replace("}", "}}"))
    return "".join(parts), tuple(order)
