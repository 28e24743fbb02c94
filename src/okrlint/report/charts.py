"""Inline, self-escaping SVG charts (KR check-in charts and KPI sparklines) for HTML scorecards."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from functools import lru_cache

from okrlint.report.svgmarkup import _el, _esc, _n, _shape
from okrlint.util.numbers import plain_number, scientific
from okrlint.util.records import record

__all__ = ["format_tick", "kr_chart", "linear_scale", "nice_ticks", "sparkline"]

_MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec"
_SVG_NS = "http://www.w3.org/2000/svg"


def _finite(v: object) -> float | None:
    """Return v as a finite float, or None."""
    try:
        f = float(v)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return None
    return f if math.isfinite(f) else None


def _value(v: float, unit: str = "") -> str:
    """Format a value with its unit, e.g. "400 ms" or "95%"."""
    return _formatted(v, unit) if v else _unit_value(v, unit)  # -0.0 equals 0.0 for a cache, not in print


def _unit_value(v: float, unit: str) -> str:
    s = plain_number(v)  # grouped as in the tables: 1,200 ms
    if not unit:
        return s
    return f"{s}{unit}" if unit == "%" else f"{s} {unit}"


# Check-in values, baselines and targets repeat across the charts of a scorecard: format each once.
_formatted = lru_cache(maxsize=16384)(_unit_value)


def linear_scale(domain: tuple[float, float], range_: tuple[float, float]) -> Callable[[float], float]:
    """Return a function mapping domain linearly onto range_ (zero-width domain -> mid-range)."""
    d0, d1 = domain
    r0, r1 = range_
    mid = r0 / 2 + r1 / 2
    s = max(abs(d0), abs(d1), 1.0)
    if not math.isfinite(s) or d0 == d1:
        return lambda x: mid
    if s > 1e300:  # avoid overflow of d1 - d0 for huge domains
        d0, d1 = d0 / s, d1 / s
    else:
        s = 1.0
    width = d1 - d0

    def scale(x: float) -> float:
        t = (x / s - d0) / width
        return r0 + t * (r1 - r0) if math.isfinite(t) else mid

    return scale


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """Return "nice" ticks (1, 2, 2.5, 5 x 10^k steps) covering [lo, hi]."""
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return [v for v in (lo, hi) if math.isfinite(v)][:1]
    count = max(1, int(count))
    lo, hi = min(lo, hi), max(lo, hi)
    if lo == hi:
        pad = abs(lo) * 0.1 if lo else 1.0
        if not (pad and math.isfinite(lo - pad) and math.isfinite(hi + pad)):
            return [lo]
        lo, hi = lo - pad, hi + pad
        if lo == hi:
            return [lo]
    fallback = [lo, hi]
    raw = hi / count - lo / count
    if not (raw > 0 and math.isfinite(raw)):
        return fallback
    unit = 10.0 ** math.floor(math.log10(raw))  # 0.0 for subnormal raw
    step = next((m * unit for m in (1, 2, 2.5, 5, 10) if m * unit >= raw), 0.0)
    if not (step > 0 and math.isfinite(step)):
        return fallback
    q0, q1 = lo / step, hi / step
    if not (math.isfinite(q0) and math.isfinite(q1)) or max(abs(q0), abs(q1)) > 2**52:
        return fallback
    k0, k1 = math.floor(q0), math.ceil(q1)
    if k1 - k0 + 1 > 2 * count + 2:
        return fallback
    decimals = max(0, 1 - math.floor(math.log10(step)))
    ticks: list[float] = []
    for k in range(k0, k1 + 1):
        t = round(k * step, decimals) + 0.0  # + 0.0 turns -0.0 into 0.0
        if not ticks or t > ticks[-1]:
            ticks.append(t)
    ends_ok = math.isfinite(ticks[0]) and math.isfinite(ticks[-1])
    if len(ticks) < 2 or not ends_ok or not ticks[0] <= lo < hi <= ticks[-1]:
        return fallback
    return ticks


def format_tick(value: float, digits: int = 3) -> str:
    """Format a compact label: 1200 -> "1.2k", 5e6 -> "5M", 0.25 -> "0.25", 95 -> "95"."""
    if not math.isfinite(value):
        return "–"
    if value == 0:
        return "0"
    for suffix, factor in (("T", 1e12), ("B", 1e9), ("M", 1e6), ("k", 1e3)):
        if 1000 * factor > abs(value) >= factor * (1 - 0.5 * 10.0**-digits):
            return f"{value / factor:.{digits}g}{suffix}"
    return scientific(value, digits)  # 0.25 stays 0.25; 5e15 is 5×10¹⁵, never 5e+15


def _tick_labels(ticks: Sequence[float]) -> list[str]:
    """Label ticks compactly, adding precision until the labels are distinct."""
    for digits in range(3, 17):
        labels = [format_tick(t, digits) for t in ticks]
        if len(set(labels)) == len(labels):
            return labels
    return labels


def _as_date(d: date) -> date:
    """Normalise datetimes to dates so they compare with dates."""
    return d.date() if isinstance(d, datetime) else d


def _date_label(d: date, with_year: bool) -> str:
    """Label a date locale-independently, e.g. "Oct 1" or "Jan 2025"."""
    return f"{_MONTHS[3 * d.month - 3 : 3 * d.month]} {d.year if with_year else d.day}"


def _date_ticks(start: date, end: date, max_ticks: int) -> list[date]:
    """Pick a few date ticks in [start, end]: month starts if possible, else evenly spaced days."""
    span = (end - start).days
    if span <= 0:
        return [start]
    i0 = start.year * 12 + start.month - 1 + (start.day != 1)
    i1 = end.year * 12 + end.month - 1
    if i1 - i0 + 1 >= 2:
        step = math.ceil((i1 - i0 + 1) / max_ticks)
        return [date(i // 12, i % 12 + 1, 1) for i in range(i0, i1 + 1, step)]
    n = max(1, min(span, max_ticks - 1))
    return sorted({start + timedelta(days=round(span * i / n)) for i in range(n + 1)})


def _line(cls: str, x1: float, y1: float, x2: float, y2: float) -> str:
    """Build an SVG <line> element."""
    return _el("line", cls, x1=x1, y1=y1, x2=x2, y2=y2)


def _title(text: str) -> str:
    """Build an escaped <title> child."""
    return f"<title>{_esc(text)}</title>"


def _text(x: float, y: float, text: str, cls: str, anchor: str = "start") -> str:
    """Build an SVG <text> label with escaped content."""
    return _el("text", f"chart-label {cls}", _esc(text), x=x, y=y, text_anchor=anchor)


def _svg(cls: str, width: int, height: int) -> str:
    """Build the opening <svg> tag."""
    return (
        f'<svg xmlns="{_SVG_NS}" class="chart {cls}" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">'
    )


@record
class _Frame:
    """Where a KR chart draws: the plot area inside the margins, and its scales."""

    width: int
    height: int
    left: float
    top: float
    plot_width: float
    plot_height: float
    start: date
    end: date
    xs: Callable[[float], float]
    y: Callable[[float], float]

    @property
    def bottom(self) -> float:
        return self.top + self.plot_height

    @property
    def right(self) -> float:
        return self.left + self.plot_width

    def x(self, day: date) -> float:
        """Return the x position of ``day``."""
        return self.xs(day.toordinal())


def _kr_frame(start: date, end: date, width: int, height: int, lo: float, hi: float) -> tuple[_Frame, list[str]]:
    """Lay out a KR chart for values from ``lo`` to ``hi``; return the frame and its y-axis parts."""
    ticks = tuple(nice_ticks(lo, hi, max(2, int((height - _TOP - _BOTTOM) // 28))))
    # Charts of one period with the same ticks share their frame and y axis: laid out once.
    frame, parts = _laid_out(start, end, width, height, ticks, *((0.0, 0.0) if ticks else (lo, hi)))
    return frame, list(parts)


_TOP, _BOTTOM, _RIGHT = 12.0, 20.0, 10.0  # the margins around a KR chart's plot (the left one fits the labels)


@lru_cache(maxsize=1024)
def _laid_out(
    start: date, end: date, width: int, height: int, yticks: tuple[float, ...], lo: float, hi: float
) -> tuple[_Frame, tuple[str, ...]]:
    """Return the frame and y-axis parts of a KR chart with ``yticks`` (``lo`` and ``hi`` count only without ticks)."""
    mt, mb, mr = _TOP, _BOTTOM, _RIGHT
    ph = height - mt - mb
    ylabels = _tick_labels(yticks)
    ml = min(8.0 + 6.0 * max((len(s) for s in ylabels), default=1), width / 3)
    pw = width - ml - mr
    xs = linear_scale((start.toordinal(), end.toordinal()), (ml, ml + pw))
    ys = linear_scale((yticks[0], yticks[-1]) if yticks else (lo, hi), (mt + ph, mt))
    frame = _Frame(width, height, ml, mt, pw, ph, start, end, xs, ys)
    parts = ['<g class="chart-axis">']
    for t, label in zip(yticks, ylabels, strict=True):
        parts.append(_line("chart-grid", ml, ys(t), frame.right, ys(t)))
        parts.append(_text(ml - 4, ys(t) + 3, label, "chart-tick", "end"))
    return frame, tuple(parts)


def _kr_time_axis(frame: _Frame) -> str:
    """Draw the date axis of a KR chart and close the axis group (the same for every KR of a period)."""
    return _time_axis(frame.start, frame.end, frame.left, frame.plot_width, frame.top, frame.plot_height, frame.height)


@lru_cache(maxsize=256)
def _time_axis(start: date, end: date, left: float, width: float, top: float, height: float, total: int) -> str:
    frame = _Frame(0, total, left, top, width, height, start, end, linear_scale((start.toordinal(), end.toordinal()),
                   (left, left + width)), lambda v: v)  # fmt: skip
    parts = [_line("chart-axis-x", frame.left, frame.bottom, frame.right, frame.bottom)]
    with_year = (frame.end - frame.start).days > 366
    for d in _date_ticks(frame.start, frame.end, max(2, int(frame.plot_width // 70))):
        parts.append(_line("chart-tick-mark", frame.x(d), frame.bottom, frame.x(d), frame.bottom + 3))
        parts.append(_text(frame.x(d), frame.height - 6, _date_label(d, with_year), "chart-tick", "middle"))
    parts.append("</g>")
    return "".join(parts)


def _kr_references(
    frame: _Frame, band: tuple[float, float] | None, base: float | None, goal: float | None, unit: str, notes: list[str]
) -> list[str]:
    """Draw the range band and the baseline and target lines, noting each in ``notes``."""
    parts = []
    if band:
        y0, y1 = frame.y(band[1]), frame.y(band[0])
        h = max(y1 - y0, 1.0)
        parts.append(_el("rect", "chart-band", x=frame.left, y=y0, width=frame.plot_width, height=h))
        notes.append(f"range {_value(band[0])}\u2013{_value(band[1], unit)}")
        parts.append(_text(frame.left + 4, y0 + 10, notes[-1], "chart-band-label"))
    for name, v, x, anchor in (
        ("baseline", base, frame.left + 4, "start"),
        ("target", goal, frame.right - 4, "end"),
    ):
        if v is not None:
            parts.append(_line(f"chart-{name}", frame.left, frame.y(v), frame.right, frame.y(v)))
            notes.append(f"{name} {_value(v, unit)}")
            parts.append(_text(x, frame.y(v) - 3, notes[-1], f"chart-{name}-label", anchor))
    return parts


def _kr_series(
    frame: _Frame, pts: list[tuple[date, float]], fc: tuple[date, float] | None, unit: str, notes: list[str]
) -> list[str]:
    """Draw the check-ins, their line and the forecast, noting the forecast in ``notes``."""
    parts = []
    coords = [(_n(frame.x(d)), _n(frame.y(v))) for d, v in pts]
    if len(pts) >= 2:
        parts.append(_el("polyline", "chart-line", points=" ".join(f"{x},{y}" for x, y in coords)))
    if fc:
        fx, fy = frame.x(fc[0]), frame.y(fc[1])
        if pts:
            lx, ly = frame.x(pts[-1][0]), frame.y(pts[-1][1])
            parts.append(_line("chart-forecast", lx, ly, fx, fy))
        tip = _title(f"forecast {_value(fc[1], unit)}")
        notes.append(f"forecast {_value(fc[1], unit)} by {fc[0].isoformat()}")
        parts.append(_el("circle", "chart-forecast-point", tip, cx=fx, cy=fy, r=3))
    point, _ = _shape("circle", "chart-point", ("cx", "cy", "r"))  # what _el would build, coordinates formatted once
    for (d, v), (x, y) in zip(pts, coords, strict=True):  # escaping is per character: the date needs none
        parts.append(f"{point.format(x, y, '3')}><title>{d.isoformat()}: {_esc(_value(v, unit))}</title></circle>")
    if not pts:
        cx, cy = frame.left + frame.plot_width / 2, frame.top + frame.plot_height / 2 + 4
        parts.append(_text(cx, cy, "no check-ins yet", "chart-empty", "middle"))
    return parts


def kr_chart(
    points: Sequence[tuple[date, float]],
    *,
    start: date,
    end: date,
    baseline: float | None,
    target: float | None,
    range_: tuple[float, float] | None = None,
    forecast: tuple[date, float] | None = None,
    unit: str = "",
    title: str = "",
    width: int = 480,
    height: int = 160,
) -> str:
    """Render a KR's check-ins over its period against baseline, target and range as SVG."""
    start, end = sorted((_as_date(start), _as_date(end)))
    width, height = max(int(width), 60), max(int(height), 40)

    def clip(d: date) -> date:
        return min(max(_as_date(d), start), end)

    pts = sorted(
        ((clip(d), v) for d, raw in points if (v := _finite(raw)) is not None),
        key=lambda p: p[0],
    )
    base, goal = _finite(baseline), _finite(target)
    bounds = [v for v in map(_finite, range_ or ()) if v is not None]
    band = (min(bounds), max(bounds)) if len(bounds) == 2 else None
    fv = _finite(forecast[1]) if forecast else None
    fc = (clip(forecast[0]), fv) if forecast and fv is not None else None
    values = [v for _, v in pts] + [v for v in (base, goal, fv) if v is not None]
    values += list(band or ())
    lo, hi = (min(values), max(values)) if values else (0.0, 1.0)
    frame, parts = _kr_frame(start, end, width, height, lo, hi)
    notes = [_summary(pts, unit)]
    parts.append(_kr_time_axis(frame))
    parts += _kr_references(frame, band, base, goal, unit, notes)
    parts += _kr_series(frame, pts, fc, unit, notes)
    head = _title(title or "Key result check-ins") + f"<desc>{_esc('; '.join(notes))}</desc>"
    return f"{_svg('kr-chart', width, height)}{head}{''.join(parts)}</svg>"


def _summary(pts: Sequence[tuple[date, float]], unit: str) -> str:
    """Describe the check-ins in words for screen readers."""
    if not pts:
        return "No check-ins yet"
    if len(pts) == 1:
        return f"One check-in: {_value(pts[0][1], unit)} on {pts[0][0].isoformat()}"
    first, last = _value(pts[0][1]), _value(pts[-1][1], unit)
    return f"{len(pts)} check-ins from {first} to {last}"


def sparkline(values: Sequence[float], *, width: int = 120, height: int = 28, title: str = "") -> str:
    """Render a tiny trend line of values as SVG (flat placeholder if fewer than 2 values)."""
    width, height = max(int(width), 10), max(int(height), 6)
    vals = [v for raw in values if (v := _finite(raw)) is not None]
    head = _svg("sparkline", width, height)
    if len(vals) < 2:
        line = _line("chart-line sparkline-empty", 2, height / 2, width - 2, height / 2)
        return f"{head}{_title(f'{title}: no trend' if title else 'no trend')}{line}</svg>"
    pad = 3.0
    xs = linear_scale((0, len(vals) - 1), (pad, width - pad))
    ys = linear_scale((min(vals), max(vals)), (height - pad, pad))
    coords = " ".join(f"{_n(xs(i))},{_n(ys(v))}" for i, v in enumerate(vals))
    summary = f"trend from {_value(vals[0])} to {_value(vals[-1])}"
    line = _el("polyline", "chart-line", points=coords, stroke_width=1.5)
    dot = _el("circle", "chart-point", cx=xs(len(vals) - 1), cy=ys(vals[-1]), r=2)
    text = f"{title}: {summary}" if title else summary.capitalize()
    return f"{head}{_title(text)}{line}{dot}</svg>"
