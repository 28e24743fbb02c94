"""Tests for okrlint.model.outline: an OKR set's outline keeps all that the rules comparing sets read."""

from __future__ import annotations

import pytest
from test_build import build

from okrlint.config import Config
from okrlint.model.load import load_repository
from okrlint.model.outline import encode_outlines, sets_from_outlines
from okrlint.model.repository import OkrSet
from okrlint.model.summary import FileSummary
from okrlint.source.files import SourceFile
from paths import REPO

LISTED = """\
team: payments
period: 2026-Q4
objectives:
  - id: checkout
    title: Make checkout effortless
    aligns:
      - company/grow
      - platform/uptime
  - title: Keep payouts on time
    id: payouts
    aligns: company/grow
    key_results:
      - id: on-time
        title: Pay 99% of payouts on time
        target: 99
        unit: "%"
        kpi: payout-latency
      - id: instant
        title: Ship instant payouts
        milestone: true
  - id: alone
    title: Nothing above it
"""


def _outlined(okr_set: OkrSet) -> OkrSet:
    (rebuilt,) = sets_from_outlines(okr_set.loc.path, encode_outlines([okr_set]))
    return rebuilt


def _structure(okr_set: OkrSet) -> tuple[object, ...]:
    """What E005, E008, E009 and E010 read of a set: places, team, period, objective ids, aligns entries, KPIs."""
    return (
        okr_set.loc,
        okr_set.at("team"),
        okr_set.team,
        okr_set.period,
        [
            (
                o.loc,
                o.id,
                o.aligns,
                o.at("aligns"),
                [o.fields.get(f"aligns[{i}]") for i in range(len(o.aligns))],
                [(kr.loc, kr.id, kr.kpi, kr.at("kpi")) for kr in o.key_results if kr.kpi is not None],
            )
            for o in okr_set.objectives
        ],
    )


def test_an_outline_keeps_places_ids_periods_and_every_aligns_entry() -> None:
    repo, _ = build({"okrs/payments.yaml": LISTED})
    (okr_set,) = repo.okr_sets
    rebuilt = _outlined(okr_set)
    assert _structure(rebuilt) == _structure(okr_set)
    assert rebuilt.objectives[0].fields.get("aligns[1]") is not None  # the second list entry's own place
    assert [kr.id for o in rebuilt.objectives for kr in o.key_results] == ["on-time"]  # KRs naming a KPI only


def test_the_example_organisation_outlines_to_the_same_structure() -> None:
    loaded = load_repository(Config(root=REPO))
    assert loaded.repo.okr_sets
    for okr_set in loaded.repo.okr_sets:
        assert _structure(_outlined(okr_set)) == _structure(okr_set)


def test_a_file_summary_carries_the_outline_of_a_sound_set_only() -> None:
    config = Config(root=REPO)
    sound = SourceFile("okrs/payments.yaml", REPO / "okrs" / "x.yaml", LISTED.encode())
    broken = SourceFile("okrs/broken.yaml", REPO / "okrs" / "y.yaml", LISTED.replace("2026-Q4", "2026-Q9").encode())
    summaries: dict[str, FileSummary] = {}
    load_repository(config, [sound, broken], summaries=summaries)
    assert sets_from_outlines("okrs/payments.yaml", summaries["okrs/payments.yaml"].outlines)
    assert summaries["okrs/broken.yaml"].outlines == b""  # a set the model could not build is loaded in full
    assert FileSummary.decode(summaries["okrs/payments.yaml"].encode()) == summaries["okrs/payments.yaml"]


def test_outline_bytes_of_another_shape_are_refused() -> None:
    with pytest.raises((ValueError, TypeError)):
        sets_from_outlines("x.yaml", b"not marshal data")


def test_without_kpis_an_outline_leaves_the_key_results_out() -> None:
    """The pre-commit path wants no finding of the outlined sets, so it skips their key results."""
    repo, _ = build({"okrs/payments.yaml": LISTED})
    (okr_set,) = repo.okr_sets
    (bare,) = sets_from_outlines(okr_set.loc.path, encode_outlines([okr_set]), kpis=False)
    assert [o.key_results for o in bare.objectives] == [(), (), ()]
    assert [(o.loc, o.id, o.aligns) for o in bare.objectives] == [(o.loc, o.id, o.aligns) for o in okr_set.objectives]
