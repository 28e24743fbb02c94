"""One mistake, one finding (SPEC §2 Cascades): references into a file that did not load are held back."""

from __future__ import annotations

from pathlib import Path

import pytest

from linting import lint_files

OKR = """\
team: payments
period: 2026-Q4
owner: dana@example.com
objectives:
  - id: checkout
    title: {title}
    key_results:
{krs}"""
KR = "      - {{id: kr{i}, title: Cut latency from 900 to {i} ms, baseline: 900, target: {i}, unit: ms}}\n"
LOG = "team: payments\ncheckins:\n" + "".join(
    f"  - {{date: 2026-10-{1 + i % 28:02d}, kr: checkout/kr{i % 4}, value: {800 - i}}}\n" for i in range(80)
)
GOOD_TITLE = "Make checkout effortless"
BREAKAGES = {
    "E001": ("title", "Make checkout: effortless, fast: and cheap"),  # an unquoted ': ' in a title
    "E006": ("title", "!!python/object:os.system x"),
    "E007": ("suffix", "---\nteams: []\n"),
}


def _okr(title: str = GOOD_TITLE, suffix: str = "") -> str:
    return OKR.format(title=title, krs="".join(KR.format(i=i) for i in range(4))) + suffix


@pytest.mark.parametrize("code", sorted(BREAKAGES))
def test_a_broken_okr_set_gives_one_finding_not_one_per_checkin(tmp_path: Path, code: str) -> None:
    where, text = BREAKAGES[code]
    okr = _okr(title=text) if where == "title" else _okr(suffix=text)
    found = lint_files(tmp_path, {"okrs/payments.yaml": okr, "okrs/checkins/payments.yaml": LOG})
    assert [f.code for f in found if f.code.startswith("E")] == [code], [(f.path, f.line, f.code) for f in found]


def test_broken_checkin_log_holds_back_unused_kpi(tmp_path: Path) -> None:
    kpis = "kpis:\n  - {id: nps, name: NPS, source: Survey}\n"
    log = "checkins:\n  - {date: 2026-10-05, kpi: nps, value: 1: 2}\n"
    found = lint_files(tmp_path, {"okrs/kpis.yaml": kpis, "okrs/log.yaml": log})
    assert [f.code for f in found] == ["E001"]


def test_unknown_references_are_still_reported_when_every_file_loads(tmp_path: Path) -> None:
    log = LOG.replace("kr0", "k0")
    found = lint_files(tmp_path, {"okrs/payments.yaml": _okr(), "okrs/checkins/payments.yaml": log})
    assert sum(1 for f in found if f.code == "E005") == 20


def test_unreadable_csv_log_holds_back_unused_kpi(tmp_path: Path) -> None:
    kpis = "kpis:\n  - {id: nps, name: NPS, source: Survey}\n"
    (tmp_path / "okrs").mkdir()
    (tmp_path / "okrs" / "log.csv").write_bytes(b"date,kpi,value\n2026-10-05,nps,1\n# caf\xe9\n")
    found = lint_files(tmp_path, {"okrs/kpis.yaml": kpis})
    assert [f.code for f in found] == ["E007"]
