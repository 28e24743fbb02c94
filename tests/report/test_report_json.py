"""Tests for okrlint.report.data and ``okrlint report --format json`` (shape, schema, options, exit codes)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from linting import write_repo
from okrlint.cli import main
from okrlint.config import load_config
from okrlint.model.load import load_repository
from okrlint.model.sources import source_files
from okrlint.report.data import ReportError, build_report_data, select_period
from okrlint.util.resources import load_schema, schema_path
from paths import REPO
from sample_org import KPI_LOG, KPIS, OPS, OPS_LOG, SHOP, SHOP_LOG

REPO_ROOT = REPO
FILES = {
    "okrs/shop.yaml": SHOP,
    "okrs/ops.yaml": OPS,
    "okrs/kpis.yaml": KPIS,
    "okrs/checkins/shop.yaml": SHOP_LOG,
    "okrs/checkins/ops.yaml": OPS_LOG,
    "okrs/checkins/kpis.yaml": KPI_LOG,
    "okrs/teams.yaml": "teams:\n  - {id: company, name: Acme}\n  - {id: shop, name: Shop, parent: company}\n"
    "  - {id: ops, name: Operations, parent: company}\n",
}
VALIDATOR = Draft202012Validator(load_schema("report"))


def run(
    root: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    *args: str,
) -> tuple[int, str, str]:
    """Run ``okrlint report`` in ``root``; return exit code, stdout and stderr."""
    monkeypatch.chdir(root)
    code = main(["report", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    write_repo(tmp_path, FILES, {"root_team": "company"})
    return tmp_path


def assert_valid(data: Any) -> None:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(data)]
    assert errors == []


def test_report_json_shape_and_numbers(
    shop: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(shop, monkeypatch, capsys, "--format", "json", "--as-of", "2026-02-20")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert_valid(data)
    assert list(data)[:6] == ["version", "period", "as_of", "score", "teams", "kpis"]
    assert data["version"] == 1
    assert data["period"] == {"id": "T1", "start": "2026-01-01", "end": "2026-04-11", "days": 101, "elapsed": 0.5}
    assert data["as_of"] == "2026-02-20"
    assert data["score"] == pytest.approx(0.475)
    assert [t["id"] for t in data["teams"]] == ["ops", "shop"]  # no company OKRs: by id
    shop_team = data["teams"][1]
    assert (shop_team["name"], shop_team["score"], shop_team["grade"]) == ("Shop", pytest.approx(0.45), "yellow")
    checkout = shop_team["objectives"][0]
    assert set(checkout) >= {"id", "title", "type", "aligns", "score", "grade", "key_results"}
    latency = checkout["key_results"][0]
    assert set(latency) >= {
        "id",
        "title",
        "kind",
        "unit",
        "baseline",
        "target",
        "range",
        "current",
        "attainment",
        "score",
        "status",
        "confidence",
        "forecast",
        "checkins",
    }
    assert latency["forecast"] == {"value": pytest.approx(200.0), "score": 1.0}
    assert [row["value"] for row in latency["checkins"]] == [1100, 900, 850, 800]
    assert latency["checkins"][0] == {
        "date": "2026-01-11",
        "value": 1100,
        "confidence": 0.9,
        "note": None,
        "author": None,
    }
    errors = shop_team["objectives"][1]["key_results"][0]
    assert errors["range"] == {"min": 0, "max": 1}
    signups = shop_team["objectives"][1]["key_results"][2]
    assert (signups["score"], signups["grade"], signups["status"]) == (None, None, "no-data")
    kpis = {k["id"]: k for k in data["kpis"]}
    assert (kpis["nps"]["latest"], kpis["nps"]["health"]) == (46, "healthy")
    assert kpis["nps"]["measurements"] == [
        {"date": "2026-01-21", "value": 44, "note": None},
        {"date": "2026-02-10", "value": 46, "note": None},
    ]
    assert data["summary"]["status_counts"] == {"done": 2, "on-track": 3, "at-risk": 1, "off-track": 0, "no-data": 3}


def test_team_filter_and_root_team_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    company = OPS.replace("team: ops", "team: company")
    write_repo(tmp_path, {**FILES, "okrs/company.yaml": company})
    code, out, _ = run(tmp_path, monkeypatch, capsys, "--format", "json", "--as-of", "2026-02-20")
    assert [t["id"] for t in json.loads(out)["teams"]] == ["company", "ops", "shop"]
    code, out, _ = run(
        tmp_path,
        monkeypatch,
        capsys,
        "--format",
        "json",
        "--as-of",
        "2026-02-20",
        "--team",
        "shop",
        "--team",
        "company",
    )
    data = json.loads(out)
    assert code == 0
    assert [t["id"] for t in data["teams"]] == ["company", "shop"]
    # SPEC §5.1: company has no check-ins yet: "no data yet" (null, left out of the org mean), not 0 % red
    company_team = data["teams"][0]
    assert (company_team["score"], company_team["grade"], company_team["status"]) == (None, None, "no-data")
    assert {o["status"] for o in company_team["objectives"]} == {"no-data"}
    assert data["score"] == pytest.approx(0.45)
    assert (data["teams"][1]["status"], data["status"]) == ("scored", "scored")
    assert_valid(data)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--period", "2026-Q4"), "no OKR set for period '2026-Q4'; periods: T1"),
        (("--team", "nobody"), "team 'nobody' is not a team with OKRs in period T1; teams with OKRs in T1: ops, shop"),
        (("--team", "company"), "team 'company' has no OKR set for period T1"),
    ],
)
def test_unknown_period_or_team_is_exit_2(
    shop: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    code, out, err = run(shop, monkeypatch, capsys, "--format", "json", "--as-of", "2026-02-20", *args)
    assert code == 2
    assert out == ""
    assert message in err
    assert err.count("\n") == 1


def test_period_selection(tmp_path: Path) -> None:
    q1 = SHOP.replace("period: {id: T1, start: 2026-01-01, end: 2026-04-11}", "period: 2026-Q1")
    q2 = OPS.replace("period: {id: T1, start: 2026-01-01, end: 2026-04-11}", "period: 2026-Q2")
    year = OPS.replace("period: {id: T1, start: 2026-01-01, end: 2026-04-11}", "period: 2026").replace("ops", "hq")
    config = load_config(write_repo(tmp_path, {"okrs/a.yaml": q1, "okrs/b.yaml": q2, "okrs/c.yaml": year}))
    repo = load_repository(config, source_files(config)).repo
    assert select_period(repo, date(2026, 2, 1)).id == "2026-Q1"  # the shortest period containing as-of
    assert select_period(repo, date(2026, 5, 1)).id == "2026-Q2"
    assert select_period(repo, date(2027, 3, 1)).id == "2026"  # none contains it: the one ending last
    assert select_period(repo, date(2025, 3, 1)).id == "2026"
    assert select_period(repo, date(2026, 5, 1), "2026").id == "2026"
    with pytest.raises(ReportError, match="did you mean '2026-Q1'"):
        select_period(repo, date(2026, 5, 1), "2026-q1")
    data = build_report_data(repo, date(2026, 5, 1), period="2026-Q1")
    assert [t["id"] for t in data["teams"]] == ["shop"]
    assert data["period"]["elapsed"] == 1.0
    assert_valid(data)


def test_broken_file_still_reports_and_strict_fails(
    shop: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (shop / "okrs" / "broken.yaml").write_text("team: x\nperiod: T1\nobjectives: [\n", encoding="utf-8")
    out_file = shop / "report.json"
    code, out, err = run(shop, monkeypatch, capsys, "--format", "json", "--as-of", "2026-02-20", "--out", str(out_file))
    assert code == 0
    assert out == ""
    assert err.startswith("okrs/broken.yaml:4:1: E001 [error] ")
    data = json.loads(out_file.read_text(encoding="utf-8"))
    assert data["findings"]["error"] == 1
    assert_valid(data)
    code, _, err = run(shop, monkeypatch, capsys, "--format", "json", "--as-of", "2026-02-20", "--out", "-", "--strict")
    assert code == 1
    assert "okrs/broken.yaml:4:1: E001" in err


def test_strict_passes_on_clean_input_and_paths_argument(
    shop: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = ("okrs/shop.yaml", "okrs/kpis.yaml", "okrs/checkins/shop.yaml")
    code, out, err = run(shop, monkeypatch, capsys, *paths, "--format", "json", "--as-of", "2026-02-20", "--strict")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert [t["id"] for t in data["teams"]] == ["shop"]
    assert [k["id"] for k in data["kpis"]] == ["nps", "latency", "uptime"]
    assert data["kpis"][0]["health"] == "no-data"  # its measurements are not among the paths
    code, out, err = run(shop, monkeypatch, capsys, *paths[::2], "--format", "json", "--as-of", "2026-02-20")
    assert code == 0
    assert "E005" in err  # kpi: nps names nothing without okrs/kpis.yaml


def test_no_okr_sets_is_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_repo(tmp_path, {"okrs/kpis.yaml": KPIS})
    code, _, err = run(tmp_path, monkeypatch, capsys, "--format", "json")
    assert code == 2
    assert "no OKR sets to report on" in err


def test_bundled_example_has_varied_statuses(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(REPO_ROOT, monkeypatch, capsys, "--format", "json", "--as-of", "2026-11-23")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert_valid(data)
    assert data["period"]["id"] == "2026-Q4"
    assert data["teams"][0]["id"] == "company"
    counts = data["summary"]["status_counts"]
    assert all(counts[status] > 0 for status in ("done", "on-track", "at-risk", "off-track"))
    assert 0.2 < data["score"] < 0.9
    assert {k["health"] for k in data["kpis"]} >= {"healthy", "breached"}


def test_schema_command_prints_the_report_schema(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["schema", "report"]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(schema_path("report").read_text(encoding="utf-8"))


def test_report_schema_is_valid_and_documents_every_property() -> None:
    schema = load_schema("report")
    Draft202012Validator.check_schema(schema)
    missing: list[str] = []

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                if "description" not in sub:
                    missing.append(f"{where}.{name}")
            for key, sub in node.items():
                walk(sub, f"{where}.{key}")
        elif isinstance(node, list):
            for sub in node:
                walk(sub, where)

    walk(schema, "$")
    assert missing == []


def test_invalid_rows_do_not_break_the_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    log = (
        "team: shop\ncheckins:\n  - {date: 2026-02-01, kr: checkout/conversion, value: 52, confidence: 1.5}\n"
        "  - {date: 2026-02-02, kr: checkout/conversion, value: .nan}\n"
        "  - {date: 2026-02-03, kr: checkout/one-click, value: .inf}\n"
    )
    write_repo(tmp_path, {"okrs/shop.yaml": SHOP, "okrs/kpis.yaml": KPIS, "okrs/log.yaml": log})
    code, out, err = run(tmp_path, monkeypatch, capsys, "--format", "json", "--as-of", "2026-02-20", "--strict")
    assert code == 1
    assert "T403" in err
    data = json.loads(out)
    assert_valid(data)
    conversion = data["teams"][0]["objectives"][0]["key_results"][1]
    assert conversion["checkins"] == [
        {"date": "2026-02-01", "value": 52, "confidence": None, "note": None, "author": None}
    ]
    assert (conversion["current"], conversion["score"], conversion["confidence"]) == (52, pytest.approx(0.2), None)


def test_broken_parts_on_stderr_cannot_drive_the_terminal(
    shop: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (shop / "okrs" / "bad\x1b[31m.yaml").write_text("teams: [\n", encoding="utf-8")
    code, out, err = run(shop, monkeypatch, capsys, "--format", "json", "--as-of", "2026-11-23", "--out", "-")
    assert code == 0 and json.loads(out)["teams"]
    assert "\x1b" not in err
    assert "okrs/bad\\x1b[31m.yaml:2:1: E001 [error]" in err


def test_the_renderers_fixture_is_valid_report_data() -> None:
    # The Markdown and HTML renderers read report data and compute nothing: their fixture must be real report data.
    fixture = json.loads((REPO / "tests" / "data" / "report_fixture.json").read_text(encoding="utf-8"))
    assert [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(fixture)] == []
