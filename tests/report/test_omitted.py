"""A bad row is left out alone, and every report names what it left out (SPEC §2 Cascades, §5.1 omitted)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_report_json import FILES, assert_valid

from linting import lint_files, write_repo
from okrlint.cli import main
from sample_org import SHOP_LOG

BAD_ROW = "  - {date: 30/10/2026, kr: checkout/latency, value: 700}\n"


def _report(root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    monkeypatch.chdir(root)
    assert main(["report", "--as-of", "2026-02-20", *args]) == 0
    return capsys.readouterr().out


@pytest.fixture
def bad_row(tmp_path: Path) -> Path:
    log = SHOP_LOG.replace("checkins:\n", "checkins:\n" + BAD_ROW, 1)
    write_repo(tmp_path, {**FILES, "okrs/checkins/shop.yaml": log}, {"root_team": "company"})
    return tmp_path


def test_one_bad_yaml_row_is_reported_and_left_out_alone(bad_row: Path) -> None:
    found = lint_files(bad_row, {}, select=["E002", "T402", "T404"])
    assert [(f.path, f.line, f.column, f.code) for f in found if f.code == "E002"] == [
        ("okrs/checkins/shop.yaml", 3, 12, "E002")
    ]


def test_report_json_lists_the_row_and_still_scores_the_others(
    bad_row: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(_report(bad_row, monkeypatch, capsys, "--format", "json"))
    assert_valid(data)
    [omitted] = data["omitted"]
    assert (omitted["path"], omitted["line"], omitted["column"]) == ("okrs/checkins/shop.yaml", 3, 5)
    assert "30/10/2026" in omitted["reason"]
    shop = next(t for t in data["teams"] if t["id"] == "shop")
    latency = shop["objectives"][0]["key_results"][0]
    assert [c["value"] for c in latency["checkins"]] == [1100, 900, 850, 800]


def test_md_and_html_warn_at_the_top(
    bad_row: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    md = _report(bad_row, monkeypatch, capsys, "--format", "md")
    head = md.split("## ", 1)[0]
    assert "[!WARNING]" in head and "okrs/checkins/shop.yaml:3:5" in head and "30/10/2026" in head
    _report(bad_row, monkeypatch, capsys, "--format", "html", "--out", str(tmp_path / "site"))
    for page in ("index.html", "teams/shop.html"):
        html = (tmp_path / "site" / page).read_text(encoding="utf-8")
        assert html.index('class="omitted card" role="alert"') < html.index("</main>")
        assert "okrs/checkins/shop.yaml:3:5" in html


def test_every_kind_of_left_out_part_is_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {
        **FILES,
        "okrs/broken.yaml": "team: ops\nperiod: 2026-Q1\nobjectives: [\n",
        "okrs/log.csv": "date,kpi,value\n2026-02-30,nps,1\n2026-01-05,nps,x\n2026-01-06,nps,3\n",
        "okrs/checkins/bad.yaml": "checkins:\n  - {date: 2026-02-30, kpi: nps, value: 1}\n",
    }
    write_repo(tmp_path, files, {"root_team": "company"})
    data = json.loads(_report(tmp_path, monkeypatch, capsys, "--format", "json"))
    assert_valid(data)
    listed = {(o["path"], o["line"]) for o in data["omitted"]}
    assert listed == {("okrs/broken.yaml", 4), ("okrs/log.csv", 2), ("okrs/log.csv", 3), ("okrs/checkins/bad.yaml", 2)}


def test_nothing_left_out_means_no_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_repo(tmp_path, FILES, {"root_team": "company"})
    assert json.loads(_report(tmp_path, monkeypatch, capsys, "--format", "json"))["omitted"] == []
    assert "WARNING" not in _report(tmp_path, monkeypatch, capsys, "--format", "md")
