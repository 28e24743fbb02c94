"""Inline SVG chart of scores across periods (org and teams) for the history page."""

from __future__ import annotations

import math
from collections.abc import Sequence

from okrlint.report.charts import _line, _svg, _text, _title, linear_scale
from okrlint.report.svgmarkup import _el

__all__ = ["score_chart"]

_GRADE_LINES = ((0.4, "40%"), (0.7, "70%"), (1.0, "100%"))


def _score(raw: object) -> float | None:
    """Return a score as a finite float in [0, 1], or None."""
    if isinstance(raw, bool) or not isinstance(raw, int | float) or not math.isfinite(raw):
        return None
    return min(1.0, max(0.0, float(raw)))


def score_chart(
    labels: Sequence[str], scores: Sequence[object], *, title: str, width: int = 560, height: int = 150
) -> str:
    """Render scores (0..1, None for no score) per period as a line with labelled points and grade lines."""
    width, height = max(int(width), 80), max(int(height), 40)
    labelled = width >= 300  # small charts sit beside a table that names the periods
    left, right, top = 38.0, width - (30.0 if labelled else 8.0), 10.0
    bottom = height - (22.0 if labelled else 8.0)
    count = max(len(labels), 1)
    xs = linear_scale((0, max(count - 1, 1)), (left, right)) if count > 1 else (lambda _: (left + right) / 2)
    ys = linear_scale((0.0, 1.0), (bottom, top))
    parts = [_svg("history-chart", width, height)]
    shown = [(i, s) for i, raw in enumerate(scores) if (s := _score(raw)) is not None]
    described = ", ".join(f"{labels[i]} {round(s * 100)}%" for i, s in shown) or "no scores yet"
    parts.append(_title(f"{title}: {described}"))
    parts.append(_line("chart-grid", left, ys(0.0), right, ys(0.0)))
    parts.append(_text(left - 4, ys(0.0) + 3, "0%", "chart-tick", "end"))
    for level, text in _GRADE_LINES:
        parts.append(_line("chart-grid", left, ys(level), right, ys(level)))
        parts.append(_text(left - 4, ys(level) + 3, text, "chart-tick", "end"))
    for i, label in enumerate(labels if labelled else ()):
        parts.append(_text(xs(i), height - 6, label, "chart-tick", "middle"))
    if len(shown) > 1:
        coords = " ".join(f"{xs(i):.2f},{ys(s):.2f}" for i, s in shown)
        parts.append(_el("polyline", "chart-line", points=coords))
    for i, s in shown:
        point = _title(f"{labels[i]}: {round(s * 100)}%")
        parts.append(_el("circle", "chart-point", point, cx=xs(i), cy=ys(s), r=3.5))
    parts.append("</svg>")
    return "".join(parts)
