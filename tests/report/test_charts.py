"""Tests for okrlint.report.charts (inline SVG charts)."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrlint.report.charts import format_tick, kr_chart, linear_scale, nice_ticks, sparkline

NS = "{http://www.w3.org/2000/svg}"
START, END = date(2025, 10, 1), date(2025, 12, 31)
POINTS = [
    (date(2025, 10, 1), 1200.0),
    (date(2025, 11, 1), 1000.0),
    (date(2025, 12, 1), 900.0),
]


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{NS}svg"
    return root


def by_class(root: ET.Element, cls: str) -> list[ET.Element]:
    return [e for e in root.iter() if cls in (e.get("class") or "").split()]


def chart(**kw: Any) -> str:
    defaults: dict[str, Any] = {"points": POINTS, "start": START, "end": END}
    svg: str = kr_chart(**{**defaults, "baseline": 1200, "target": 400, **kw})
    return svg


def coords(poly: ET.Element) -> list[tuple[float, float]]:
    return [tuple(map(float, p.split(","))) for p in poly.get("points", "").split()]  # type: ignore[misc]


# --- linear_scale ---------------------------------------------------------------


def test_linear_scale_maps_endpoints_and_midpoint() -> None:
    s = linear_scale((0, 10), (100, 200))
    assert s(0) == 100 and s(10) == 200 and s(5) == 150
    assert s(-10) == 0  # extrapolates


def test_linear_scale_inverted_range() -> None:
    s = linear_scale((0, 100), (140, 10))
    assert s(0) == 140 and s(100) == 10 and s(50) == 75


def test_linear_scale_zero_width_domain_maps_to_middle() -> None:
    s = linear_scale((3, 3), (0, 50))
    assert s(3) == 25 and s(1000) == 25


def test_linear_scale_huge_domain_does_not_overflow() -> None:
    s = linear_scale((-1e308, 1e308), (0, 100))
    assert s(0) == pytest.approx(50) and s(1e308) == pytest.approx(100)


# --- nice_ticks -------------------------------------------------------------------


def _assert_nice(ticks: list[float], lo: float, hi: float, count: int = 5) -> None:
    assert len(ticks) >= 2
    assert len(ticks) <= 2 * count + 2
    assert ticks == sorted(set(ticks))
    assert ticks[0] <= lo and ticks[-1] >= hi
    step = ticks[1] - ticks[0]
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert any(math.isclose(mantissa, m, rel_tol=1e-6) for m in (1, 2, 2.5, 5, 10))


@pytest.mark.parametrize(
    ("lo", "hi", "expected"),
    [
        (0, 100, [0, 20, 40, 60, 80, 100]),
        (0, 1, [0, 0.2, 0.4, 0.6, 0.8, 1]),
        (-37, 12, [-40, -30, -20, -10, 0, 10, 20]),
        (-5, -1, [-5, -4, -3, -2, -1]),
        (0, 1e-9, [0, 2e-10, 4e-10, 6e-10, 8e-10, 1e-9]),
        (0, 1e12, [0, 2e11, 4e11, 6e11, 8e11, 1e12]),
        (0.1, 0.7, [0, 0.2, 0.4, 0.6, 0.8]),
    ],
)
def test_nice_ticks_known_ranges(lo: float, hi: float, expected: list[float]) -> None:
    assert nice_ticks(lo, hi) == pytest.approx(expected)
    _assert_nice(nice_ticks(lo, hi), lo, hi)


def test_nice_ticks_reversed_bounds() -> None:
    assert nice_ticks(100, 0) == nice_ticks(0, 100)


@pytest.mark.parametrize("v", [0.0, 5.0, -3.0, 1e-9, 1e12])
def test_nice_ticks_zero_width(v: float) -> None:
    ticks = nice_ticks(v, v)
    assert ticks[0] <= v <= ticks[-1]
    assert 1 <= len(ticks) <= 12


def test_nice_ticks_step_uses_two_and_a_half() -> None:
    assert nice_ticks(0, 12.5) == pytest.approx([0, 2.5, 5, 7.5, 10, 12.5])


def test_nice_ticks_no_float_noise() -> None:
    assert 0.30000000000000004 not in nice_ticks(0, 1, 10)
    assert 0.3 in nice_ticks(0, 1, 10)


def test_nice_ticks_degenerate_inputs_terminate() -> None:
    assert nice_ticks(1e12, 1e12 + 1e-3)[0] <= 1e12
    assert nice_ticks(-1e308, 1.7e308)[-1] >= 1.7e308
    assert nice_ticks(5e-324, 1e-323)
    assert nice_ticks(0, 1, 0)
    assert nice_ticks(float("nan"), 1) == [1]
    assert nice_ticks(float("inf"), float("-inf")) == []


@given(
    st.floats(allow_nan=False, allow_infinity=False),
    st.floats(allow_nan=False, allow_infinity=False),
    st.integers(min_value=1, max_value=20),
)
def test_nice_ticks_property(lo: float, hi: float, count: int) -> None:
    ticks = nice_ticks(lo, hi, count)
    assert 1 <= len(ticks) <= 2 * count + 2
    assert all(math.isfinite(t) for t in ticks)
    assert ticks == sorted(ticks)
    assert ticks[0] <= min(lo, hi) and ticks[-1] >= max(lo, hi)


# --- format_tick ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (1200, "1.2k"),
        (5_000_000, "5M"),
        (0.25, "0.25"),
        (95, "95"),
        (0, "0"),
        (-1500, "-1.5k"),
        (1000, "1k"),
        (999_999, "1M"),
        (2.5e9, "2.5B"),
        (3e12, "3T"),
        (1e-9, "1×10⁻⁹"),  # SPEC §5.1: never "1e-09"
        (5e15, "5×10¹⁵"),
    ],
)
def test_format_tick(value: float, label: str) -> None:
    assert format_tick(value) == label


# --- kr_chart -----------------------------------------------------------------------


def test_kr_chart_structure_and_accessibility() -> None:
    svg = chart(unit="ms", title="Latency p95", range_=(300, 500), forecast=(END, 700))
    root = parse(svg)
    assert root.get("role") == "img"
    assert root.get("viewBox") == "0 0 480 160"
    assert root.find(f"{NS}title").text == "Latency p95"  # type: ignore[union-attr]
    desc = root.find(f"{NS}desc").text or ""  # type: ignore[union-attr]
    assert "from 1,200 to 900 ms" in desc and "target 400 ms" in desc
    classes = "chart-line chart-point chart-baseline chart-target chart-forecast chart-band chart-axis chart-label"
    for cls in classes.split():
        assert by_class(root, cls), cls
    assert len(by_class(root, "chart-point")) == 3
    labels = [e.text for e in by_class(root, "chart-label")]
    assert "target 400 ms" in labels and "baseline 1,200 ms" in labels
    assert "Oct 1" in labels and "Nov 1" in labels


def test_kr_chart_lines_differ_without_colour() -> None:
    root = parse(chart(forecast=(END, 700)))
    line = by_class(root, "chart-line")[0]
    dashes = {
        by_class(root, c)[0].get("stroke-dasharray") for c in ("chart-baseline", "chart-target", "chart-forecast")
    }
    assert line.get("stroke-dasharray") is None
    assert len(dashes) == 3 and None not in dashes


def test_kr_chart_has_default_presentation_colours() -> None:
    root = parse(chart())
    assert by_class(root, "chart-line")[0].get("stroke") == "#0072B2"
    assert by_class(root, "chart-target")[0].get("stroke") == "#D55E00"
    assert "style=" not in chart()


def test_kr_chart_points_are_where_the_scale_says() -> None:
    root = parse(chart())
    pts = coords(by_class(root, "chart-line")[0])
    circles = [(float(c.get("cx", "")), float(c.get("cy", ""))) for c in by_class(root, "chart-point")]
    assert pts == circles
    xs = [p[0] for p in pts]
    # x is linear in days: Oct 1 -> Nov 1 is 31 days, Nov 1 -> Dec 1 is 30 days, period is 91 days
    x0, x_end = xs[0], xs[0] + (xs[1] - xs[0]) * 91 / 31
    sx = linear_scale((START.toordinal(), END.toordinal()), (x0, x_end))
    for (d, _), x in zip(POINTS, xs, strict=True):
        assert x == pytest.approx(sx(d.toordinal()), abs=0.02)
    # y follows the gridlines: ticks 400..1200, so 1000 sits on the "1k" gridline
    grid = {e.text: float(e.get("y", "")) - 3 for e in by_class(root, "chart-tick")}
    sy = linear_scale((400, 1200), (grid["400"], grid["1.2k"]))
    for (_, v), (_, y) in zip(POINTS, pts, strict=True):
        assert y == pytest.approx(sy(v), abs=0.02)
    assert pts[1][1] == pytest.approx(grid["1k"], abs=0.02)


def test_kr_chart_coordinates_are_compact() -> None:
    svg = chart(forecast=(date(2025, 12, 17), 777.777))
    for num in re.findall(r' (?:x|y|x1|x2|y1|y2|cx|cy|width|height)="([^"]+)"', svg):
        assert re.fullmatch(r"-?\d+(\.\d{1,2})?", num), num
    assert svg == chart(forecast=(date(2025, 12, 17), 777.777))


def test_kr_chart_escapes_text() -> None:
    evil = '<script>alert("x")</script> & \x00'
    svg = chart(title=evil, unit='"><b>')
    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;" in svg
    root = parse(svg)
    assert root.find(f"{NS}title").text == '<script>alert("x")</script> & '  # type: ignore[union-attr]
    assert any('"><b>' in (e.text or "") for e in by_class(root, "chart-target-label"))


def test_kr_chart_empty_points() -> None:
    root = parse(chart(points=[]))
    texts = [e.text for e in by_class(root, "chart-label")]
    assert "no check-ins yet" in texts
    assert by_class(root, "chart-baseline") and by_class(root, "chart-target")
    assert not by_class(root, "chart-line") and not by_class(root, "chart-point")
    assert "No check-ins yet" in (root.find(f"{NS}desc").text or "")  # type: ignore[union-attr]


def test_kr_chart_nothing_at_all() -> None:
    root = parse(kr_chart([], start=START, end=START, baseline=None, target=None))
    assert "no check-ins yet" in [e.text for e in by_class(root, "chart-label")]


def test_kr_chart_skips_nan_and_inf() -> None:
    pts = [*POINTS, (date(2025, 12, 5), math.nan), (date(2025, 12, 6), math.inf)]
    root = parse(chart(points=pts, baseline=math.nan, target=-math.inf, forecast=(END, math.nan)))
    assert len(by_class(root, "chart-point")) == 3
    assert not by_class(root, "chart-baseline") and not by_class(root, "chart-target")
    assert not by_class(root, "chart-forecast")
    assert "nan" not in chart(points=pts).lower()


def test_kr_chart_clips_dates_to_period() -> None:
    pts = [(date(2025, 1, 1), 5.0), (date(2026, 6, 1), 7.0)]
    root = parse(chart(points=pts, baseline=None, target=None))
    xs = [p[0] for p in coords(by_class(root, "chart-line")[0])]
    grid = by_class(root, "chart-grid")[0]
    assert xs == [float(grid.get("x1", "")), float(grid.get("x2", ""))]


def test_kr_chart_forecast_dashed_from_last_point() -> None:
    root = parse(chart(forecast=(END, 700)))
    fc = by_class(root, "chart-forecast")[0]
    assert fc.tag == f"{NS}line" and fc.get("stroke-dasharray")
    last = coords(by_class(root, "chart-line")[0])[-1]
    assert (float(fc.get("x1", "")), float(fc.get("y1", ""))) == last
    assert float(fc.get("x2", "")) > last[0]


def test_kr_chart_y_domain_includes_everything() -> None:
    root = parse(chart(baseline=-50, target=5000, range_=(4000, 6000), forecast=(END, 8000)))
    ticks = [e.text for e in by_class(root, "chart-tick")]
    assert ticks[0] == "-2.5k" and "10k" in ticks
    ys = [float(c.get("cy", "")) for c in root.iter(f"{NS}circle")]
    top, bottom = 12, 160 - 20
    assert all(top - 0.01 <= y <= bottom + 0.01 for y in ys)


def test_kr_chart_single_point_and_custom_size() -> None:
    root = parse(
        chart(
            points=[(date(2025, 11, 1), 3.0)],
            baseline=3,
            target=3,
            width=200,
            height=80,
        )
    )
    assert root.get("viewBox") == "0 0 200 80"
    assert len(by_class(root, "chart-point")) == 1 and not by_class(root, "chart-line")


dates = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
anyfloat = st.floats(allow_nan=True, allow_infinity=True)


@settings(max_examples=150, deadline=None)
@given(
    points=st.lists(st.tuples(dates, anyfloat), max_size=8),
    start=dates,
    end=dates,
    baseline=st.none() | anyfloat,
    target=st.none() | anyfloat,
    range_=st.none() | st.tuples(anyfloat, anyfloat),
    forecast=st.none() | st.tuples(dates, anyfloat),
    unit=st.text(max_size=5),
    title=st.text(max_size=10),
)
def test_kr_chart_never_raises(
    points: list[tuple[date, float]],
    start: date,
    end: date,
    baseline: float | None,
    target: float | None,
    range_: tuple[float, float] | None,
    forecast: tuple[date, float] | None,
    unit: str,
    title: str,
) -> None:
    svg = kr_chart(
        points,
        start=start,
        end=end,
        baseline=baseline,
        target=target,
        range_=range_,
        forecast=forecast,
        unit=unit,
        title=title,
    )
    root = parse(svg)
    assert root.get("role") == "img"
    assert "nan" not in re.sub(r"<title>.*?</title>|<desc>.*?</desc>|>[^<]*<", "><", svg)


# --- sparkline ---------------------------------------------------------------------


def test_sparkline_basic() -> None:
    root = parse(sparkline([1, 3, 2, 5], title="NPS"))
    assert root.get("role") == "img" and root.get("viewBox") == "0 0 120 28"
    assert "NPS" in (root.find(f"{NS}title").text or "")  # type: ignore[union-attr]
    pts = coords(by_class(root, "chart-line")[0])
    assert len(pts) == 4
    assert pts[3][1] < pts[0][1]  # higher value is drawn higher up
    assert all(0 <= x <= 120 and 0 <= y <= 28 for x, y in pts)


@pytest.mark.parametrize("values", [[], [4.0], [math.nan, 2.0, math.inf]])
def test_sparkline_placeholder(values: list[float]) -> None:
    root = parse(sparkline(values))
    assert root.find(f"{NS}title").text == "no trend"  # type: ignore[union-attr]
    line = by_class(root, "chart-line")[0]
    assert line.get("y1") == line.get("y2")


def test_sparkline_flat_and_escaped() -> None:
    svg = sparkline([2, 2, 2], title='<i>"KPI"</i>')
    root = parse(svg)
    assert "<i>" not in svg
    ys = {y for _, y in coords(by_class(root, "chart-line")[0])}
    assert ys == {14.0}


@given(st.lists(st.floats(), max_size=12), st.text(max_size=8))
def test_sparkline_never_raises(values: list[float], title: str) -> None:
    root = parse(sparkline(values, title=title))
    assert root.find(f"{NS}title") is not None
