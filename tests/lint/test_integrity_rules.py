"""Tests for the repository-wide integrity rules E004, E005, E008, E009, E010 on fixture repositories."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from okrlint.config import Config
from okrlint.lint.run import lint
from okrlint.lint.selection import Selection
from paths import TESTS

FIXTURES = TESTS / "fixtures" / "integrity"

Found = tuple[str, int, int, str]


def findings(case: str, tmp_path: Path | None = None, select: str = "E") -> list[Found]:
    """Lint fixture repository ``case`` (copied to ``tmp_path`` when given) with rules ``select``."""
    root = FIXTURES / case
    if tmp_path is not None:
        shutil.copytree(root, tmp_path / case)
        root = tmp_path / case
    result = lint(Config(root=root), date(2026, 11, 23), Selection((select,)))
    return [(f.path, f.line, f.column, f.code) for f in result.findings]


def messages(case: str, code: str) -> list[str]:
    result = lint(Config(root=FIXTURES / case), date(2026, 11, 23), Selection((code,)))
    return [f.message for f in result.findings]


def test_e004_duplicate_ids() -> None:
    assert findings("duplicate_id") == [
        ("okrs/more-kpis.yaml", 3, 10, "E004"),  # a KPI id used in another file
        ("okrs/payments.yaml", 8, 14, "E004"),  # a KR id twice in one objective
        ("okrs/payments.yaml", 13, 9, "E004"),  # an objective id twice in one set
        ("okrs/teams.yaml", 7, 9, "E004"),  # a team id twice
    ]


def test_e004_messages_name_the_first_use() -> None:
    found = messages("duplicate_id", "E004")
    assert "KPI id 'nps' is already used (first at okrs/kpis.yaml:2)" in found[0]
    assert "key result id 'latency' is already used (first at line 7)" in found[1]


def test_e004_same_kr_id_in_two_objectives_is_fine() -> None:
    # `latency` appears in objectives `checkout` and `fraud`; only the repeat inside `checkout` counts.
    assert sum(1 for f in findings("duplicate_id") if f[1] == 12) == 0


def test_e005_unknown_references_of_every_kind() -> None:
    assert findings("unknown_reference") == [
        ("okrs/2026-Q4/checkins.yaml", 7, 9, "E005"),  # check-in kr objective/kr of the log's team
        ("okrs/2026-Q4/checkins.yaml", 10, 9, "E005"),  # check-in kr team/objective/kr
        ("okrs/2026-Q4/checkins.yaml", 16, 10, "E005"),  # check-in kpi
        ("okrs/2026-Q4/growth.yaml", 1, 7, "E005"),  # an OKR set's team missing from the org chart
        ("okrs/2026-Q4/growth.yaml", 6, 13, "E005"),  # aligns (a single reference)
        ("okrs/2026-Q4/payments.yaml", 17, 14, "E005"),  # a KR's kpi
        ("okrs/2026-Q4/payments.yaml", 20, 28, "E005"),  # the second entry of an aligns list
        ("okrs/teams.yaml", 6, 13, "E005"),  # a team's parent
    ]


def test_e005_messages_suggest_the_nearest_id() -> None:
    found = messages("unknown_reference", "E005")
    assert found[-1] == "parent team 'compnay' is not in the org chart (did you mean 'company'?)"
    assert "(did you mean 'company/grow'?)" in found[-2]


def test_e005_team_is_only_checked_when_an_org_chart_exists() -> None:
    assert findings("no_org_chart") == []


def test_e005_holds_back_when_a_referenced_kind_failed_to_load(tmp_path: Path) -> None:
    # A broken KPI catalogue must not turn every KPI reference into a second error.
    kpis = tmp_path / "unknown_reference/okrs/kpis.yaml"
    found = findings("unknown_reference", tmp_path)
    kpis.write_text("kpis:\n  - id: nps\n    name: NPS\n    nmae: x\n", encoding="utf-8")
    result = lint(Config(root=tmp_path / "unknown_reference"), date(2026, 11, 23), Selection(("E",)))
    now = [(f.path, f.line, f.column, f.code) for f in result.findings]
    assert ("okrs/kpis.yaml", 4, 5, "E002") in now
    kpi_hits = {("okrs/2026-Q4/checkins.yaml", 16, 10, "E005"), ("okrs/2026-Q4/payments.yaml", 17, 14, "E005")}
    assert kpi_hits <= set(found)
    assert not kpi_hits & set(now)


def test_e008_two_sets_for_one_team_and_period() -> None:
    assert findings("duplicate_team_period") == [
        ("okrs/b.yaml", 2, 7, "E008"),  # the same dates written as an explicit range
        ("okrs/e.yaml", 1, 7, "E008"),
    ]


def test_e008_message_names_the_first_file() -> None:
    assert "already has an OKR set for 2026-Q4 (okrs/a.yaml)" in messages("duplicate_team_period", "E008")[1]


def test_e009_alignment_cycles() -> None:
    assert findings("alignment_cycle") == [
        ("okrs/alpha.yaml", 6, 13, "E009"),
        ("okrs/alpha.yaml", 9, 13, "E009"),  # aligned to itself
        ("okrs/beta.yaml", 6, 26, "E009"),  # the list entry that closes the cycle
        ("okrs/gamma.yaml", 6, 13, "E009"),  # gamma/four leads into the cycle but is not on it
    ]


def test_e009_message_shows_the_cycle() -> None:
    assert messages("alignment_cycle", "E009")[0].startswith(
        "alignment cycle: alpha/one → beta/two → gamma/three → alpha/one"
    )


def test_e010_alignment_to_a_period_that_does_not_contain_this_one() -> None:
    assert findings("alignment_period") == [
        ("okrs/payments-h1.yaml", 6, 13, "E010"),
        ("okrs/payments.yaml", 6, 13, "E010"),
    ]


def test_e010_message_names_the_periods() -> None:
    found = messages("alignment_period", "E010")
    assert "'company/grow', defined only for 2025, which does not contain 2026-Q4" in found[1]


@pytest.mark.parametrize("case", ["duplicate_id", "unknown_reference", "duplicate_team_period", "alignment_cycle"])
def test_fixtures_hold_no_other_load_errors(case: str) -> None:
    assert {code for *_, code in findings(case)} <= {"E004", "E005", "E008", "E009", "E010"}
