"""Tests for okrlint.model.build: the typed model, owner inheritance, KR kinds and check-in resolution."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from okrlint.model.build import build_repository
from okrlint.model.repository import KrRef, Loc, Repository
from okrlint.model.resolve import split_reference
from okrlint.source.documents import Document, kind_of
from okrlint.source.problems import LoadProblem
from okrlint.source.schemas import validate
from okrlint.source.yamlload import load_yaml


def document(path: str, text: str) -> Document:
    """Load ``text`` as a schema-valid document of ``path``."""
    result = load_yaml(text)
    assert result.problems == []
    kind = kind_of(result.root)
    assert kind is not None
    assert validate(kind, result.root) == []
    return Document(path, kind, result.root)


def build(files: dict[str, str], **options: object) -> tuple[Repository, list[tuple[str, LoadProblem]]]:
    return build_repository([document(path, text) for path, text in files.items()], **options)  # type: ignore[arg-type]


OKRS = """\
team: payments
period: 2026-Q4
owner: dana@example.com
objectives:
  - id: checkout
    title: Make checkout effortless
    type: committed
    aligns: company/grow
    key_results:
      - id: latency
        title: Cut p95 latency from 1200 ms to 400 ms
        baseline: 1200
        target: 400
        unit: ms
        weight: 2
        owner: lee@example.com
        due: 2026-12-15
      - id: conversion
        title: Keep conversion between 62% and 70%
        range: {min: 62, max: 70}
        baseline: 58
      - id: one-click
        title: Ship one-click checkout
        milestone: true
      - id: vague
        title: Improve things
  - id: fraud
    title: Stop fraud
    owner: sam@example.com
    aligns: [company/grow, company/trust]
    key_results:
      - id: chargebacks
        title: Cut chargebacks from 1% to 0.5%
        baseline: 1
        target: 0.5
"""


def test_okr_set_objectives_and_key_results() -> None:
    repo, problems = build({"okrs/p.yaml": OKRS})
    assert problems == []
    (okr_set,) = repo.okr_sets
    assert (okr_set.team, okr_set.period.id, okr_set.period.start, okr_set.period.end) == (
        "payments",
        "2026-Q4",
        date(2026, 10, 1),
        date(2026, 12, 31),
    )
    assert okr_set.loc == Loc("okrs/p.yaml", 1, 1)
    assert okr_set.objectives_loc == Loc("okrs/p.yaml", 4, 1)
    checkout, fraud = okr_set.objectives
    assert checkout.type == "committed"
    assert fraud.type == "aspirational"  # the default
    assert checkout.aligns == ("company/grow",)
    assert fraud.aligns == ("company/grow", "company/trust")
    assert checkout.loc == Loc("okrs/p.yaml", 5, 5)
    assert checkout.key_results_loc == Loc("okrs/p.yaml", 9, 5)
    assert checkout.at("aligns") == Loc("okrs/p.yaml", 8, 13)
    latency = checkout.key_results[0]
    assert (latency.baseline, latency.target, latency.unit, latency.weight, latency.due) == (
        1200,
        400,
        "ms",
        2,
        date(2026, 12, 15),
    )
    assert latency.at("target") == Loc("okrs/p.yaml", 13, 17)
    assert latency.at("nonexistent") == latency.loc == Loc("okrs/p.yaml", 10, 9)
    assert not latency.increasing


def test_key_result_kinds() -> None:
    repo, _ = build({"okrs/p.yaml": OKRS})
    krs = {kr.id: kr for o in repo.okr_sets[0].objectives for kr in o.key_results}
    assert {name: kr.kind for name, kr in krs.items()} == {
        "latency": "metric",
        "conversion": "range",
        "one-click": "milestone",
        "vague": None,
        "chargebacks": "metric",
    }
    assert krs["conversion"].range == (62, 70)
    assert krs["one-click"].weight == 1.0


def test_milestone_false_is_no_kind() -> None:
    text = "team: p\nperiod: 2026\nobjectives:\n  - id: o\n    title: t\n    key_results:\n"
    text += "      - {id: k, title: t, milestone: false}\n"
    repo, _ = build({"okrs/p.yaml": text})
    assert repo.okr_sets[0].objectives[0].key_results[0].kind is None


def test_owner_inheritance() -> None:
    repo, _ = build({"okrs/p.yaml": OKRS})
    checkout, fraud = repo.okr_sets[0].objectives
    assert checkout.owner == "dana@example.com"  # from the set
    assert checkout.key_results[0].owner == "lee@example.com"  # its own
    assert checkout.key_results[1].owner == "dana@example.com"  # from the objective, from the set
    assert fraud.owner == "sam@example.com"
    assert fraud.key_results[0].owner == "sam@example.com"  # from its objective


def test_no_owner_anywhere() -> None:
    text = "team: p\nperiod: 2026\nobjectives:\n  - id: o\n    title: t\n    key_results: [{id: k, title: t}]\n"
    repo, _ = build({"okrs/p.yaml": text})
    objective = repo.okr_sets[0].objectives[0]
    assert objective.owner is None
    assert objective.key_results[0].owner is None


def test_model_is_read_only() -> None:
    repo, _ = build({"okrs/p.yaml": OKRS})
    objective = repo.okr_sets[0].objectives[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        objective.title = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        objective.fields["title"] = Loc("x", 1, 1)  # type: ignore[index]


@pytest.mark.parametrize("written", ["2026", "'2026'"])
def test_a_year_period_quoted_or_not(written: str) -> None:
    repo, problems = build({"okrs/p.yaml": f"team: p\nperiod: {written}\nobjectives: []\n"})
    assert problems == []
    period = repo.okr_sets[0].period
    assert (period.id, period.start, period.end) == ("2026", date(2026, 1, 1), date(2026, 12, 31))


def test_explicit_period() -> None:
    text = "team: p\nperiod: {id: FY27-Q1, start: 2026-02-01, end: 2026-04-30}\nobjectives: []\n"
    repo, problems = build({"okrs/p.yaml": text})
    assert problems == []
    period = repo.okr_sets[0].period
    assert (period.id, period.start, period.end) == ("FY27-Q1", date(2026, 2, 1), date(2026, 4, 30))


def test_explicit_period_with_start_after_end_is_e002_and_drops_the_set() -> None:
    text = "team: p\nperiod: {id: x, start: 2026-05-01, end: 2026-04-30}\nobjectives: []\n"
    repo, problems = build({"okrs/p.yaml": text})
    assert repo.okr_sets == ()
    assert "objectives" in repo.incomplete
    assert [(path, p.code, p.line, p.column) for path, p in problems] == [("okrs/p.yaml", "E002", 2, 9)]
    assert "after end" in problems[0][1].message


def test_fiscal_year_start_month_applies_to_named_periods() -> None:
    repo, _ = build({"okrs/p.yaml": "team: p\nperiod: 2026-Q1\nobjectives: []\n"}, fiscal_year_start_month=4)
    assert repo.okr_sets[0].period.start == date(2026, 4, 1)


def test_range_with_min_above_max_is_e002() -> None:
    text = "team: p\nperiod: 2026\nobjectives:\n  - id: o\n    title: t\n    key_results:\n"
    text += "      - id: k\n        title: t\n        range: {min: 9, max: 1}\n"
    repo, problems = build({"okrs/p.yaml": text})
    assert [(p.code, p.line, p.column) for _, p in problems] == [("E002", 9, 16)]
    assert repo.okr_sets[0].objectives[0].key_results[0].range is None


def test_infinite_numbers_are_e002() -> None:
    text = "team: p\nperiod: 2026\nobjectives:\n  - id: o\n    title: t\n    key_results:\n"
    text += "      - {id: k, title: t, baseline: .inf, target: 3}\n"
    repo, problems = build({"okrs/p.yaml": text})
    assert [(p.code, p.line, p.column) for _, p in problems] == [("E002", 7, 37)]
    assert repo.okr_sets[0].objectives[0].key_results[0].baseline is None


def test_teams_and_kpis() -> None:
    teams = "teams:\n  - {id: company, name: Acme}\n  - {id: payments, name: Payments, parent: company, owner: d@x}\n"
    kpis = "kpis:\n  - id: nps\n    name: NPS\n    target: 70\n    category: strategic\n"
    kpis += "  - id: ontime\n    name: On time\n    direction: decrease\n    range: {min: 95, max: 100}\n"
    repo, problems = build({"okrs/teams.yaml": teams, "okrs/kpis.yaml": kpis})
    assert problems == []
    assert repo.teams_declared
    assert repo.team_ids() == {"company", "payments"}
    assert repo.teams[1].parent == "company"
    nps, ontime = repo.kpis
    assert (nps.direction, nps.target, nps.category) == ("increase", 70, "strategic")
    assert (ontime.direction, ontime.range) == ("decrease", (95, 100))
    assert nps.at("target") == Loc("okrs/kpis.yaml", 4, 13)


def test_no_org_chart() -> None:
    repo, _ = build({"okrs/p.yaml": OKRS})
    assert not repo.teams_declared


# --- check-in resolution (SPEC §1.3) ------------------------------------------------------------------


def okr_set(period: str, team: str = "payments") -> str:
    return (
        f"team: {team}\nperiod: {period}\nobjectives:\n  - id: checkout\n    title: t\n"
        "    key_results:\n      - {id: latency, title: t, baseline: 10, target: 5}\n"
    )


def resolve(log: str, periods: tuple[str, ...] = ("2026-Q3", "2026-Q4"), grace_days: int = 14) -> list[str | None]:
    files = {f"okrs/{p}.yaml": okr_set(p) for p in periods}
    files["okrs/log.yaml"] = log
    repo, _ = build(files, grace_days=grace_days)
    return [row.resolved.period if row.resolved else None for row in repo.checkins()]


def rows(*dates: str, ref: str = "checkout/latency", head: str = "team: payments\n") -> str:
    return head + "checkins:\n" + "".join(f"  - {{date: {d}, kr: {ref}, value: 1}}\n" for d in dates)


def test_single_period_resolves_whatever_the_date() -> None:
    assert resolve(rows("2026-11-01", "2027-06-01", "2025-01-01"), periods=("2026-Q4",)) == ["2026-Q4"] * 3


def test_several_periods_the_one_containing_the_date() -> None:
    assert resolve(rows("2026-08-15", "2026-11-01", "2026-07-01", "2026-12-31")) == [
        "2026-Q3",
        "2026-Q4",
        "2026-Q3",
        "2026-Q4",
    ]


def test_grace_days_extend_a_period() -> None:
    # Jan 10 is within Q4's 14 grace days; Jun 20 within Q3's (which starts Jul 1).
    assert resolve(rows("2027-01-10", "2026-06-20")) == ["2026-Q4", "2026-Q3"]


def test_a_date_inside_a_period_beats_another_period_s_grace() -> None:
    # Oct 5 is inside Q4 and also inside Q3's grace days: it belongs to Q4.
    assert resolve(rows("2026-10-05", "2026-09-30")) == ["2026-Q4", "2026-Q3"]


def test_else_the_latest_period_before_the_date() -> None:
    assert resolve(rows("2027-03-01"), grace_days=0) == ["2026-Q4"]
    assert resolve(rows("2027-03-01"), periods=("2026-Q1", "2026-Q3"), grace_days=0) == ["2026-Q3"]


def test_a_date_before_every_period_goes_to_the_earliest() -> None:
    # SPEC is silent; the earliest period is chosen so T401 can then report the date.
    assert resolve(rows("2025-01-01")) == ["2026-Q3"]


def test_pinned_period_wins_over_the_date() -> None:
    head = "team: payments\nperiod: 2026-Q3\n"
    assert resolve(rows("2026-11-01", head=head)) == ["2026-Q3"]


def test_pinned_period_that_does_not_define_the_kr_resolves_nothing() -> None:
    head = "team: payments\nperiod: 2026-Q2\n"
    assert resolve(rows("2026-11-01", head=head)) == [None]


def test_team_objective_kr_reference_needs_no_log_team() -> None:
    assert resolve(rows("2026-11-01", ref="payments/checkout/latency", head="")) == ["2026-Q4"]


def test_unknown_reference_resolves_to_nothing() -> None:
    assert resolve(rows("2026-11-01", ref="checkout/nope", head="team: payments\n")) == [None]
    assert resolve(rows("2026-11-01", ref="growth/checkout/latency", head="team: payments\n")) == [None]


def test_resolved_reference_points_at_the_key_result() -> None:
    files = {"okrs/q4.yaml": okr_set("2026-Q4"), "okrs/log.yaml": rows("2026-11-01")}
    repo, _ = build(files)
    row = next(repo.checkins())
    assert row.resolved == KrRef("payments", "checkout", "latency", "2026-Q4")
    assert str(row.resolved) == "payments/checkout/latency"
    found = repo.key_result(row.resolved)
    assert found is not None
    assert found[2].id == "latency"


def test_objective_kr_reference_without_a_team_is_e002() -> None:
    repo, problems = build({"okrs/q4.yaml": okr_set("2026-Q4"), "okrs/log.yaml": rows("2026-11-01", head="")})
    assert [(path, p.code, p.line, p.column) for path, p in problems] == [("okrs/log.yaml", "E002", 2, 28)]
    assert "team" in problems[0][1].message
    assert next(repo.checkins()).resolved is None


def test_kpi_rows_and_row_fields() -> None:
    log = "checkins:\n  - date: 2026-10-31\n    kpi: nps\n    value: 64\n    confidence: 0.5\n    note: survey\n"
    repo, _ = build({"okrs/log.yaml": log})
    row = next(repo.checkins())
    assert (row.kpi, row.kr, row.value, row.confidence, row.note, row.index) == ("nps", None, 64, 0.5, "survey", 0)
    assert row.resolved is None
    assert row.at("value") == Loc("okrs/log.yaml", 4, 12)


def test_split_reference() -> None:
    assert split_reference("o/k", "t") == ("t", "o", "k")
    assert split_reference("t/o/k", None) == ("t", "o", "k")
    assert split_reference("o/k", None) is None
    assert split_reference("k", "t") is None


def test_kind_of() -> None:
    assert kind_of({"objectives": []}) == "objectives"
    assert kind_of({"teams": [], "kpis": []}) == "kpis"
    assert kind_of({"goals": []}) is None
    assert kind_of(["objectives"]) is None
