"""Tests for okrlint.scoring.scores and okrlint.scoring.formulas: every SPEC §4 number worked out by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from linting import write_repo
from okrlint.config import load_config
from okrlint.model.load import load_repository
from okrlint.model.repository import Kpi, Loc, Repository
from okrlint.model.sources import source_files
from okrlint.scoring.formulas import (
    grade,
    kpi_health,
    least_squares,
    metric_attainment,
    milestone_score,
    range_attainment,
    status_of,
    usable_value,
)
from okrlint.scoring.scores import (
    KrScore,
    TeamScore,
    collect_checkins,
    org_score,
    score_kpi,
    score_okr_set,
)
from sample_org import KPI_LOG, KPIS, OPS, OPS_LOG, SHOP, SHOP_LOG

# Period T1 runs 2026-01-01 .. 2026-04-11: 100 days from start to end, so on 2026-02-20
# (day 50) the elapsed fraction is exactly 0.5.
AS_OF = date(2026, 2, 20)


def load(root: Path, files: dict[str, str], config: dict[str, object] | None = None) -> tuple[Repository, float]:
    """Write and load a repository; fail on any load problem; return it and aspirational_goal."""
    loaded_config = load_config(write_repo(root, files, config))
    loaded = load_repository(loaded_config, source_files(loaded_config))
    assert loaded.problems == ()
    return loaded.repo, loaded_config.aspirational_goal


@pytest.fixture
def scenario(tmp_path: Path) -> tuple[Repository, dict[str, TeamScore]]:
    files = {
        "okrs/shop.yaml": SHOP,
        "okrs/ops.yaml": OPS,
        "okrs/kpis.yaml": KPIS,
        "okrs/checkins/shop.yaml": SHOP_LOG,
        "okrs/checkins/ops.yaml": OPS_LOG,
        "okrs/checkins/kpis.yaml": KPI_LOG,
    }
    repo, aspirational = load(tmp_path, files)
    checkins = collect_checkins(repo, AS_OF)
    teams = {s.team: score_okr_set(s, checkins, aspirational_goal=aspirational) for s in repo.okr_sets}
    return repo, teams


def krs(team: TeamScore) -> dict[str, KrScore]:
    return {kr.kr.id: kr for kr in team.key_results()}


def test_committed_decreasing_metric_with_tie_and_later_rows_ignored(
    scenario: tuple[Repository, dict[str, TeamScore]],
) -> None:
    latency = krs(scenario[1]["shop"])["latency"]
    # Latest row on or before 2026-02-20: the later of the two 2026-02-10 rows (800); 03-01 ignored.
    assert latency.current == 800
    assert latency.attainment == pytest.approx((800 - 1200) / (400 - 1200))  # 0.5
    assert latency.score == pytest.approx(0.5)
    assert latency.expected == pytest.approx(0.5)  # elapsed 50/100 x goal 1.0
    assert latency.status == "on-track"  # 0.5 >= 0.5 - 0.1
    assert latency.confidence == 0.6  # the latest row's
    assert latency.last_checkin == date(2026, 2, 10)
    assert [row.value for row in latency.rows] == [1100, 900, 850, 800]
    # Line through (10, 1100), (30, 900), (40, 800) [the tie's later row]: 1200 - 10x; at day 100: 200.
    assert latency.forecast is not None
    assert latency.forecast.value == pytest.approx(200.0)
    assert latency.forecast.score == 1.0  # attainment 1.25, clipped
    assert latency.grade == "yellow"


def test_over_achievement_is_attainment_above_one_score_one(scenario: tuple[Repository, dict[str, TeamScore]]) -> None:
    conversion = krs(scenario[1]["shop"])["conversion"]
    assert conversion.current == 62
    assert conversion.attainment == pytest.approx(1.2)
    assert conversion.score == 1.0
    assert conversion.status == "done"
    assert conversion.forecast is None  # one check-in only
    assert conversion.confidence is None


def test_milestone_fraction(scenario: tuple[Repository, dict[str, TeamScore]]) -> None:
    one_click = krs(scenario[1]["shop"])["one-click"]
    assert one_click.current == 0.3
    assert one_click.score == pytest.approx(0.3)
    assert one_click.status == "at-risk"  # 0.25 <= 0.3 < 0.4
    assert one_click.confidence is None  # the latest row has none, the earlier one's is not used
    assert one_click.forecast is None


def test_committed_objective_weighted_score(scenario: tuple[Repository, dict[str, TeamScore]]) -> None:
    checkout = scenario[1]["shop"].objectives[0]
    # (0.5 x 2 + 1.0 x 1 + 0.3 x 1) / 4
    assert checkout.score == pytest.approx(2.3 / 4)
    assert checkout.grade == "yellow"


def test_aspirational_range_kr(scenario: tuple[Repository, dict[str, TeamScore]]) -> None:
    errors = krs(scenario[1]["shop"])["errors"]
    assert errors.current == 2
    assert errors.attainment == pytest.approx((2 - 3) / (1 - 3))  # 0.5, baseline 3 above max 1
    assert errors.score == pytest.approx(0.5)
    assert errors.expected == pytest.approx(0.35)  # elapsed 0.5 x aspirational goal 0.7
    assert errors.status == "on-track"
    assert errors.forecast is None  # forecasts are for metric KRs


def test_kpi_linked_kr_uses_measurements_inside_the_period(scenario: tuple[Repository, dict[str, TeamScore]]) -> None:
    nps = krs(scenario[1]["shop"])["nps"]
    assert nps.source == "kpi"
    assert nps.current == 46  # 2025-12-20 is before the period, 2026-02-25 after as-of
    assert nps.score == pytest.approx(0.3)  # (46 - 40) / (60 - 40)
    assert nps.status == "on-track"  # 0.3 >= 0.35 - 0.1
    assert nps.forecast is not None
    # Line through (20, 44) and (40, 46): slope 0.1; at day 100: 52, i.e. (52 - 40) / 20 = 0.6.
    assert nps.forecast.value == pytest.approx(52.0)
    assert nps.forecast.score == pytest.approx(0.6)


def test_missing_baseline_is_null_and_left_out(scenario: tuple[Repository, dict[str, TeamScore]]) -> None:
    signups = krs(scenario[1]["shop"])["signups"]
    assert signups.current == 300
    assert signups.attainment is None
    assert signups.score is None
    assert signups.status == "no-data"
    assert signups.grade is None


def test_no_checkin_falls_back_to_baseline(scenario: tuple[Repository, dict[str, TeamScore]]) -> None:
    churn = krs(scenario[1]["shop"])["churn"]
    assert (churn.source, churn.current, churn.score, churn.status) == ("baseline", 5, 0.0, "no-data")
    assert churn.last_checkin is None


def test_aspirational_objective_team_and_org_scores(scenario: tuple[Repository, dict[str, TeamScore]]) -> None:
    teams = scenario[1]
    growth = teams["shop"].objectives[1]
    # errors 0.5 x 2, nps 0.3 x 1, churn 0.0 x 1; signups (null) left out: 1.3 / 4
    assert growth.score == pytest.approx(0.325)
    assert growth.grade == "red"
    assert teams["shop"].score == pytest.approx((0.575 + 0.325) / 2)  # 0.45
    assert teams["shop"].grade == "yellow"
    ops = krs(teams["ops"])
    assert (ops["cutover"].current, ops["cutover"].score, ops["cutover"].status) == (True, 1.0, "done")
    assert (ops["runbook"].current, ops["runbook"].score, ops["runbook"].status) == (None, 0.0, "no-data")
    assert teams["ops"].score == pytest.approx(0.5)
    assert org_score(list(teams.values())) == pytest.approx((0.45 + 0.5) / 2)  # 0.475
    assert teams["shop"].status_counts() == {"done": 1, "on-track": 3, "at-risk": 1, "off-track": 0, "no-data": 2}
    assert teams["shop"].last_checkin == date(2026, 2, 19)  # one-click's last row


def test_kpi_health(scenario: tuple[Repository, dict[str, TeamScore]]) -> None:
    repo = scenario[0]
    checkins = collect_checkins(repo, AS_OF)
    period = repo.okr_sets[0].period
    health = {k.id: score_kpi(k, checkins, period) for k in repo.kpis}
    assert (health["nps"].latest, health["nps"].health) == (46, "healthy")  # 46 >= 45
    assert (health["latency"].latest, health["latency"].health) == (350, "breached")  # decrease: 350 > 300
    assert (health["uptime"].latest, health["uptime"].health) == (None, "no-data")
    assert [row.value for row in health["nps"].measurements] == [44, 46]


def test_ties_across_files_follow_path_order(tmp_path: Path) -> None:
    okr = SHOP.replace("team: shop", "team: shop", 1)
    log_a = "team: shop\ncheckins:\n  - {date: 2026-02-10, kr: checkout/conversion, value: 55}\n"
    log_b = "team: shop\ncheckins:\n  - {date: 2026-02-10, kr: checkout/conversion, value: 57}\n"
    repo, _ = load(tmp_path, {"okrs/shop.yaml": okr, "okrs/b/log.yaml": log_b, "okrs/a/log.yaml": log_a})
    team = score_okr_set(repo.okr_sets[0], collect_checkins(repo, AS_OF))
    conversion = krs(team)["conversion"]
    assert conversion.current == 57  # okrs/b/log.yaml sorts after okrs/a/log.yaml
    assert conversion.score == pytest.approx(0.7)
    assert conversion.forecast is None  # two rows but one day: no line


def test_fiscal_year_start_period(tmp_path: Path) -> None:
    okr = SHOP.replace("period: {id: T1, start: 2026-01-01, end: 2026-04-11}", "period: 2026-Q1")
    log = "team: shop\ncheckins:\n  - {date: 2026-05-16, kr: checkout/conversion, value: 54}\n"
    repo, _ = load(tmp_path, {"okrs/shop.yaml": okr, "okrs/log.yaml": log}, {"fiscal_year_start_month": 4})
    okr_set = repo.okr_sets[0]
    assert (okr_set.period.start, okr_set.period.end) == (date(2026, 4, 1), date(2026, 6, 30))
    team = score_okr_set(okr_set, collect_checkins(repo, date(2026, 5, 16)))
    conversion = krs(team)["conversion"]
    assert conversion.expected == pytest.approx(45 / 90)  # May 16 is day 45 of an 90-day span
    assert conversion.score == pytest.approx(0.4)
    assert conversion.status == "on-track"  # 0.4 >= 0.5 - 0.1
    assert krs(team)["errors"].expected == pytest.approx(0.5 * 0.7)
    before = score_okr_set(okr_set, collect_checkins(repo, date(2026, 3, 1)))
    assert krs(before)["conversion"].expected == 0.0
    assert krs(before)["conversion"].status == "no-data"


def test_aspirational_goal_setting(tmp_path: Path) -> None:
    repo, goal = load(tmp_path, {"okrs/shop.yaml": SHOP}, {"aspirational_goal": 0.5})
    team = score_okr_set(repo.okr_sets[0], collect_checkins(repo, AS_OF), aspirational_goal=goal)
    assert krs(team)["errors"].expected == pytest.approx(0.25)
    assert krs(team)["latency"].expected == pytest.approx(0.5)


def test_invalid_values_are_left_out(tmp_path: Path) -> None:
    log = (
        "team: shop\ncheckins:\n  - {date: 2026-02-01, kr: checkout/conversion, value: 55}\n"
        "  - {date: 2026-02-02, kr: checkout/conversion, value: true}\n"
        "  - {date: 2026-02-03, kr: checkout/one-click, value: 1.5}\n"
    )
    repo, _ = load(tmp_path, {"okrs/shop.yaml": SHOP, "okrs/log.yaml": log})
    team = krs(score_okr_set(repo.okr_sets[0], collect_checkins(repo, AS_OF)))
    assert team["conversion"].current == 55
    assert team["one-click"].status == "no-data"


@pytest.mark.parametrize(
    ("score", "expected", "status"),
    [
        (1.0, 0.9, "done"),
        (0.4, 0.5, "on-track"),
        (0.25, 0.5, "at-risk"),
        (0.2499, 0.5, "off-track"),
        (0.0, 0.0, "on-track"),
        (None, 0.5, "no-data"),
    ],
)
def test_status_thresholds(score: float | None, expected: float, status: str) -> None:
    assert status_of(score, expected, has_data=True) == status


def test_status_without_data_is_no_data_even_when_the_baseline_scores() -> None:
    assert status_of(1.0, 0.5, has_data=False) == "no-data"


@pytest.mark.parametrize(
    ("score", "name"),
    [(0.0, "red"), (0.3999, "red"), (0.4, "yellow"), (0.6999, "yellow"), (0.7, "green"), (1.0, "green"), (None, None)],
)
def test_grades(score: float | None, name: str | None) -> None:
    assert grade(score) == name


def test_metric_attainment_both_directions() -> None:
    assert metric_attainment(70, 60, 75) == pytest.approx(10 / 15)
    assert metric_attainment(1100, 1200, 400) == pytest.approx(0.125)
    assert metric_attainment(1300, 1200, 400) == pytest.approx(-0.125)  # moved the wrong way
    assert metric_attainment(5, None, 10) is None
    assert metric_attainment(5, 10, 10) is None


def test_range_attainment() -> None:
    assert range_attainment(65, (62, 70), 58) == 1.0
    assert range_attainment(60, (62, 70), 58) == pytest.approx(0.5)  # (60 - 58) / (62 - 58)
    assert range_attainment(60, (62, 70), 66) == 0.0  # the baseline is not below the range
    assert range_attainment(75, (62, 70), 80) == pytest.approx(0.5)  # (75 - 80) / (70 - 80)
    assert range_attainment(75, (62, 70), None) == 0.0


def test_milestone_values_and_usable_values() -> None:
    assert (milestone_score(True), milestone_score(False), milestone_score(0.6), milestone_score(None)) == (
        1.0,
        0.0,
        0.6,
        0.0,
    )
    assert usable_value("metric", True) is None
    assert usable_value("metric", float("nan")) is None
    assert usable_value("milestone", 2) is None
    assert usable_value("milestone", 1) == 1.0


def test_least_squares() -> None:
    assert least_squares([(0, 1), (1, 3), (2, 5)], 10) == pytest.approx(21)
    assert least_squares([(0, 0), (1, 2), (2, 1)], 3) == pytest.approx(2.0)  # slope 0.5, mean (1, 1)
    assert least_squares([(3, 1), (3, 2)], 5) is None
    assert least_squares([(3, 1)], 5) is None


def test_kpi_health_range_and_no_target() -> None:
    loc = Loc("k.yaml", 1, 1)
    band = Kpi(loc, id="x", name="X", range=(95, 100))
    assert (kpi_health(band, 96), kpi_health(band, 94.9)) == ("healthy", "breached")
    assert kpi_health(Kpi(loc, id="y", name="Y"), 3) == "no-data"
    assert kpi_health(Kpi(loc, id="z", name="Z", target=8, direction="decrease"), 8) == "healthy"
