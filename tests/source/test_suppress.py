"""Suppression directives count only in real comments (SPEC §2), and bad ones are E011."""

from __future__ import annotations

from pathlib import Path

import pytest

from linting import lint_files
from okrlint.source.suppress import parse_suppressions

KPIS = "kpis:\n  - {id: nps, name: NPS, source: Survey}\n"
OKR = """\
team: payments
period: 2026-Q4
owner: dana@example.com
objectives:
  - id: checkout
    title: {objective}
    key_results:
      - {{id: a, title: Improve onboarding, target: 3, unit: "%"}}
"""


def _codes(tmp_path: Path, files: dict[str, str]) -> set[tuple[str, int, str]]:
    return {(f.path, f.line, f.code) for f in lint_files(tmp_path, files, select=["S201", "T403", "E002", "E011"])}


@pytest.mark.parametrize(
    "objective",
    [
        '"Checkout # okrlint: disable-file=ALL"',
        "'Checkout # okrlint: disable-file=ALL'",
        "Checkout#okrlint:disable-file=ALL",
        "|\n      Checkout\n      # okrlint: disable-file=ALL",
        ">-\n      # okrlint: disable-file=ALL",
    ],
)
def test_directive_inside_a_scalar_suppresses_nothing(tmp_path: Path, objective: str) -> None:
    codes = _codes(tmp_path, {"okrs/p.yaml": OKR.format(objective=objective)})
    assert [code for *_, code in codes] == ["S201"]


def test_real_comment_still_suppresses(tmp_path: Path) -> None:
    text = "# okrlint: disable-file=ALL\n" + OKR.format(objective="Checkout")
    assert _codes(tmp_path, {"okrs/p.yaml": text}) == set()


def test_checkin_note_cannot_silence_its_log(tmp_path: Path) -> None:
    log = (
        "checkins:\n"
        "  - {date: 2026-10-05, kpi: nps, value: .nan, note: '# okrlint: disable-file=ALL'}\n"
        '  - date: 2026-10-06\n    kpi: nps\n    value: .nan\n    note: "x  # okrlint: disable=ALL"\n'
    )
    codes = _codes(tmp_path, {"okrs/kpis.yaml": KPIS, "okrs/log.yaml": log})
    assert {line for path, line, code in codes if code == "T403"} == {2, 5}


def test_csv_note_cannot_silence_its_log_but_a_comment_line_can(tmp_path: Path) -> None:
    log = (
        "date,kpi,value,note\n"
        "2026-10-05,nps,x,# okrlint: disable-file=ALL\n"
        '2026-10-06,nps,x,"multi\n# okrlint: disable-file=ALL"\n'
        "# okrlint: disable=E002\n"
        "2026-10-07,nps,x,\n"
    )
    codes = _codes(tmp_path, {"okrs/kpis.yaml": KPIS, "okrs/log.csv": log})
    assert codes == {("okrs/log.csv", 2, "E002"), ("okrs/log.csv", 3, "E002")}


def test_directive_naming_an_unknown_code_suppresses_nothing(tmp_path: Path) -> None:
    text = OKR.format(objective="Checkout").replace('unit: "%"}', 'unit: "%"}  # okrlint: disable=S201,S2O1')
    codes = _codes(tmp_path, {"okrs/p.yaml": text})
    assert codes == {("okrs/p.yaml", 8, "S201"), ("okrs/p.yaml", 8, "E011")}
    message = next(f.message for f in lint_files(tmp_path, {"okrs/p.yaml": text}, select=["E011"]))
    assert "'S2O1'" in message and "S201" in message


def test_comments_after_a_syntax_error_count_only_on_lines_of_their_own() -> None:
    text = "teams: [\n  # okrlint: disable=E001\n  x: 'a # okrlint: disable=E002'\n"
    assert [d.line for d in parse_suppressions(text).directives] == [2]


def test_directive_positions_and_targets() -> None:
    text = "# okrlint: disable-file=C101\na: 1  # okrlint: disable=S201 # why\n  # okrlint: disable=Q301\nb: 2\n"
    found = [(d.line, d.column, d.target, d.selectors, d.problem) for d in parse_suppressions(text).directives]
    assert found == [(1, 1, 0, ("C101",), None), (2, 7, 2, ("S201",), None), (3, 3, 4, ("Q301",), None)]
