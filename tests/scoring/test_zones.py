"""Tests for stretch zones (SPEC §4): piecewise scores worked out by hand, zones, status, order checks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from linting import write_repo
from okrlint.config import load_config
from okrlint.model.load import load_repository
from okrlint.model.repository import KeyResult, Loc
from okrlint.model.sources import source_files
from okrlint.model.zones import zone_order_problem
from okrlint.report.data import build_report_data
from okrlint.scoring.formulas import attainment_of, score_of, zone_of

LOC = Loc("okrs/x.yaml", 1, 1)


def metric(
    baseline: float | None,
    target: float,
    *,
    commit: float | None = None,
    stretch: float | None = None,
    direction: str | None = None,
) -> KeyResult:
    """Return a metric KR with the given points."""
    return KeyResult(
        LOC,
        id="k",
        title="t",
        kind="metric",
        baseline=baseline,
        target=target,
        commit=commit,
        stretch=stretch,
        direction=direction,
    )


UP = metric(40, 50, commit=45, stretch=60)  # 40 -> 0, 45 -> 0.3, 50 -> 0.7, 60 -> 1.0
DOWN = metric(1200, 400, commit=800, stretch=300)  # 1200 -> 0, 800 -> 0.3, 400 -> 0.7, 300 -> 1.0


@pytest.mark.parametrize(
    ("current", "score", "zone"),
    [
        (30, 0.0, "fail"),  # below baseline: clipped to 0
        (40, 0.0, "fail"),  # baseline
        (42.5, 0.15, "fail"),  # half of baseline -> commit: 0.3 / 2
        (45, 0.3, "commit"),  # commit
        (47.5, 0.5, "commit"),  # half of commit -> target: 0.3 + 0.4 / 2
        (50, 0.7, "target"),  # target
        (55, 0.85, "target"),  # half of target -> stretch: 0.7 + 0.3 / 2
        (60, 1.0, "stretch"),  # stretch
        (70, 1.0, "stretch"),  # beyond stretch: clipped to 1
    ],
)
def test_increasing_zones_every_segment_and_both_ends(current: float, score: float, zone: str) -> None:
    assert score_of(UP, current) == pytest.approx(score)
    assert zone_of(UP, current) == zone


@pytest.mark.parametrize(
    ("current", "score", "zone"),
    [
        (1300, 0.0, "fail"),
        (1200, 0.0, "fail"),
        (1000, 0.15, "fail"),  # 200 of 400 towards commit
        (800, 0.3, "commit"),
        (600, 0.5, "commit"),  # 200 of 400 towards target: 0.3 + 0.2
        (400, 0.7, "target"),
        (350, 0.85, "target"),  # 50 of 100 towards stretch
        (300, 1.0, "stretch"),
        (100, 1.0, "stretch"),
    ],
)
def test_decreasing_zones_every_segment_and_both_ends(current: float, score: float, zone: str) -> None:
    assert score_of(DOWN, current) == pytest.approx(score)
    assert zone_of(DOWN, current) == zone


def test_attainment_extends_the_end_segments_unclipped() -> None:
    assert attainment_of(UP, 70) == pytest.approx(1.3)  # 1.0 + 10 * 0.3 / 10
    assert attainment_of(UP, 30) == pytest.approx(-0.6)  # 0 - 10 * 0.3 / 5
    assert attainment_of(DOWN, 200) == pytest.approx(1.3)  # 1.0 + 100 * 0.3 / 100


def test_missing_commit_drops_its_point() -> None:
    kr = metric(40, 50, stretch=60)  # 40 -> 0, 50 -> 0.7, 60 -> 1.0
    assert score_of(kr, 45) == pytest.approx(0.35)
    assert score_of(kr, 50) == pytest.approx(0.7)
    assert score_of(kr, 55) == pytest.approx(0.85)
    assert zone_of(kr, 49) == "fail"  # no commit: short of target
    assert zone_of(kr, 50) == "target"


def test_without_stretch_target_stays_one() -> None:
    kr = metric(40, 50, commit=45)  # 40 -> 0, 45 -> 0.3, 50 -> 1.0
    assert score_of(kr, 45) == pytest.approx(0.3)
    assert score_of(kr, 47.5) == pytest.approx(0.65)
    assert score_of(kr, 50) == pytest.approx(1.0)
    assert zone_of(kr, 50) == "target"
    assert zone_of(kr, 80) == "target"


def test_no_zones_scores_as_before_and_has_no_zone() -> None:
    kr = metric(40, 50)
    assert score_of(kr, 45) == pytest.approx(0.5)
    assert zone_of(kr, 45) is None


def test_zones_without_baseline_give_a_zone_but_no_score() -> None:
    kr = metric(None, 50, commit=45, stretch=60, direction="increase")
    assert score_of(kr, 55) is None
    assert zone_of(kr, 55) == "target"


@pytest.mark.parametrize(
    ("baseline", "target", "direction", "commit", "stretch", "field"),
    [
        (40, 50, None, 55, None, "commit"),  # commit past target
        (40, 50, None, 40, None, "commit"),  # commit on the baseline
        (40, 50, None, 35, None, "commit"),  # commit behind the baseline
        (40, 50, None, None, 50, "stretch"),  # stretch on target
        (1200, 400, None, None, 500, "stretch"),  # decreasing: stretch must be below target
        (1200, 400, None, 1300, None, "commit"),  # decreasing: commit above the baseline
        (None, 400, "decrease", None, 450, "stretch"),  # no baseline: direction decides
    ],
)
def test_points_out_of_order_name_the_value_out_of_order(
    baseline: float | None,
    target: float,
    direction: str | None,
    commit: float | None,
    stretch: float | None,
    field: str,
) -> None:
    problem = zone_order_problem(baseline, target, direction, commit, stretch)
    assert problem is not None
    assert problem[0] == field
    assert "baseline → commit → target → stretch" in problem[1]


def test_points_in_order_are_fine() -> None:
    assert zone_order_problem(40, 50, None, 45, 60) is None
    assert zone_order_problem(1200, 400, None, 800, 300) is None
    assert zone_order_problem(None, 400, "decrease", 500, 300) is None


OKRS = """\
team: shop
period: 2026-Q4
objectives:
  - id: grow
    title: Grow a loyal audience
    key_results:
      - {id: nps, title: "Raise NPS from 40: commit 45, target 50, stretch 60", baseline: 40, commit: 45, target: 50,
         stretch: 60, unit: points}
      - {id: conv, title: Raise conversion from 50% to 60%, baseline: 50, target: 60, unit: "%"}
      - {id: churn, title: Cut churn from 5% to 3%, baseline: 5, commit: 4, target: 3, unit: "%"}
"""


@pytest.mark.parametrize(("nps", "status", "zone"), [(60, "done", "stretch"), (50, "on-track", "target")])
def test_done_is_reached_at_stretch_and_json_has_the_zone(tmp_path: Path, nps: float, status: str, zone: str) -> None:
    log = f"team: shop\ncheckins:\n  - {{date: 2026-11-01, kr: grow/nps, value: {nps}}}\n"
    log += "  - {date: 2026-11-01, kr: grow/churn, value: 3}\n"
    config = load_config(write_repo(tmp_path, {"okrs/shop.yaml": OKRS, "okrs/checkins/shop.yaml": log}))
    loaded = load_repository(config, source_files(config))
    assert loaded.problems == ()
    data = build_report_data(loaded.repo, date(2026, 11, 2))
    krs = {kr["id"]: kr for kr in data["teams"][0]["objectives"][0]["key_results"]}
    assert (krs["nps"]["status"], krs["nps"]["zone"]) == (status, zone)
    assert krs["nps"]["score"] == pytest.approx(1.0 if zone == "stretch" else 0.7)
    assert (krs["nps"]["commit"], krs["nps"]["stretch"]) == (45, 60)
    assert krs["conv"]["zone"] is None  # no zones: null
    assert (krs["churn"]["zone"], krs["churn"]["status"]) == ("target", "done")  # no stretch: target is done
    expected = {"fail": 0, "commit": 0, "target": 1, "stretch": 0}  # churn reached its target
    expected[zone] += 1
    assert data["summary"]["zone_counts"] == expected
