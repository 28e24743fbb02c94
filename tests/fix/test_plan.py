"""Tests for ``okrlint plan PERIOD``: from ``okrlint init`` and from the bundled organisation, at quarter end."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from okrlint.cli import main
from okrlint.fix.plan import drop_zone_word, rewrite_title, target_path
from okrlint.source.yamlload import load_yaml
from paths import REPO

END = ["--as-of", "2026-12-31"]


@pytest.fixture
def org(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled organisation (okrs/) as a repository, the current folder."""
    (tmp_path / ".git").mkdir()
    shutil.copytree(REPO / "okrs", tmp_path / "okrs")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lint_json(capsys: pytest.CaptureFixture[str], *paths: str) -> list[dict[str, Any]]:
    capsys.readouterr()
    main(["lint", "--no-cache", "--format", "json", *END, *paths])
    findings: list[dict[str, Any]] = json.loads(capsys.readouterr().out)["findings"]
    return findings


def krs(path: Path) -> dict[str, dict[str, Any]]:
    root = load_yaml(path.read_text(encoding="utf-8")).root
    return {f"{o['id']}/{k['id']}": k for o in root["objectives"] for k in o["key_results"]}


def done_krs(capsys: pytest.CaptureFixture[str], team: str) -> set[str]:
    capsys.readouterr()
    main(["report", "--format", "json", "--out", "-", "--period", "2026-Q4", *END])
    report = json.loads(capsys.readouterr().out)
    teams = {t["id"]: t for t in report["teams"]}
    return {
        f"{o['id']}/{k['id']}" for o in teams[team]["objectives"] for k in o["key_results"] if k["status"] == "done"
    }


def test_bundled_organisation_at_quarter_end(org: Path, capsys: pytest.CaptureFixture[str]) -> None:
    done = done_krs(capsys, "company")
    assert main(["plan", "2027-Q1", *END]) == 0
    out = capsys.readouterr().out
    assert "okrs/2027-Q1/company.yaml (from okrs/2026-Q4/company.yaml)" in out
    written = sorted(p.name for p in (org / "okrs/2027-Q1").iterdir())
    assert written == sorted(p.name for p in (org / "okrs/2026-Q4").glob("*.yaml"))
    findings = lint_json(capsys)
    assert [f for f in findings if f["severity"] == "error"] == []
    assert {f["code"] for f in findings if f["path"].startswith("okrs/2027-Q1/")} <= {"C101", "C103", "S208"}
    old, new = krs(org / "okrs/2026-Q4/company.yaml"), krs(org / "okrs/2027-Q1/company.yaml")
    assert done and not done & set(new)
    assert set(new) == set(old) - done
    arr = new["grow-revenue/arr"]
    assert arr["carried_from"] == "company/grow-revenue/arr@2026-Q4"
    assert arr["baseline"] != old["grow-revenue/arr"]["baseline"]
    assert arr["title"] == f"Grow ARR from ${arr['baseline'] / 1e6:g}M to $7M"
    text = (org / "okrs/2027-Q1/company.yaml").read_text(encoding="utf-8")
    assert "# Planned by `okrlint plan 2027-Q1` from okrs/2026-Q4/company.yaml (company, 2026-Q4)," in text
    assert "due:" not in text


def test_from_init_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    assert main(["init", "--as-of", "2026-11-15"]) == 0
    assert main(["plan", "2027-Q1", *END]) == 0
    planned = tmp_path / "okrs/2027-Q1/company.yaml"
    assert planned.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")
    assert [f for f in lint_json(capsys) if f["severity"] == "error"] == []
    carried = krs(planned)
    assert all(kr["carried_from"].endswith(f"/{ref}@2026-Q4") for ref, kr in carried.items())
    assert main(["schema", "objectives"]) == 0
    assert "carried_from" in json.loads(capsys.readouterr().out)["$defs"]["key_result"]["properties"]


def test_never_overwrites_and_dry_run_writes_nothing(org: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stray = org / "okrs/2027-Q1/sales.yaml"
    stray.parent.mkdir()
    stray.write_text("# a draft\n", encoding="utf-8")
    assert main(["plan", "2027-Q1", *END]) == 2
    assert "would overwrite okrs/2027-Q1/sales.yaml; nothing written" in capsys.readouterr().err
    assert sorted(p.name for p in stray.parent.iterdir()) == ["sales.yaml"]
    assert stray.read_text(encoding="utf-8") == "# a draft\n"
    assert main(["plan", "2027-Q1", "--dry-run", "--team", "company", "--team", "support", *END]) == 0
    out = capsys.readouterr().out
    assert (
        "==> okrs/2027-Q1/company.yaml <==\n# yaml-language-server:" in out
        and "==> okrs/2027-Q1/support.yaml <==" in out
    )
    assert "sales" not in out.split("\n", 1)[0]
    assert sorted(p.name for p in stray.parent.iterdir()) == ["sales.yaml"]


def test_existing_set_unknown_team_and_bad_period_exit_2(org: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "2026-Q3", *END]) == 2  # the bundled organisation starts in 2026-Q3
    assert "no OKR set before 2026-Q3 to plan from" in capsys.readouterr().err
    assert main(["plan", "2026-Q4", *END]) == 2  # planned from 2026-Q3, but 2026-Q4 exists
    assert "already an OKR set for 2026-Q4: company, product, sales; nothing written" in capsys.readouterr().err
    assert main(["plan", "2027-Q1", "--team", "nobody", *END]) == 2
    assert "no OKR set before 2027-Q1 for team nobody" in capsys.readouterr().err
    assert main(["plan", "next quarter", *END]) == 2
    assert "is not a period" in capsys.readouterr().err
    assert main(["plan", "2027-Q1", "--team", "support", *END]) == 0
    assert main(["plan", "2027-Q1", "--team", "support", *END]) == 2
    assert "already an OKR set for 2027-Q1: support; nothing written" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("title", "baseline", "unit", "expected"),
    [
        ("Cut p95 latency from 1200 ms to 400 ms", 700, "ms", "Cut p95 latency from 700 ms to 400 ms"),
        ("Grow users from 1,200 to 1,500", 1320, "users", "Grow users from 1,320 to 1,500"),
        ("Grow ARR from $5M to $7M", 6_200_000, "USD", "Grow ARR from $6.2M to $7M"),
        ("Grow ARR from 5M to 7M", 6.2, "MUSD", "Grow ARR from 6.2M to 7M"),
        ("Raise NPS to 70", 60, "points", "Raise NPS to 70"),
    ],
)
def test_rewrite_title(title: str, baseline: float, unit: str, expected: str) -> None:
    assert rewrite_title(title, baseline, unit) == expected


def test_target_path_puts_the_period_where_it_was() -> None:
    assert target_path("okrs/2026-Q4/payments.yaml", "2026-Q4", "2027-Q1") == "okrs/2027-Q1/payments.yaml"
    assert target_path("okrs/payments-2026-Q4.yaml", "2026-Q4", "2027-Q1") == "okrs/payments-2027-Q1.yaml"
    assert target_path("okrs/payments.yaml", "2026-Q4", "2027-Q1") == "okrs/2027-Q1/payments.yaml"


def test_plan_never_writes_through_a_link(
    org: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (org / "okrs/2027-Q1").symlink_to(elsewhere, target_is_directory=True)
    assert main(["plan", "2027-Q1", *END]) == 2
    assert "is a symbolic link" in capsys.readouterr().err
    assert list(elsewhere.iterdir()) == []


@pytest.mark.parametrize(
    ("title", "word", "expected"),
    [
        ("Raise NPS from 66 to 75 (commit 65, stretch 80)", "commit", "Raise NPS from 66 to 75 (stretch 80)"),
        ("Raise NPS from 66 to 75 (commit 65, stretch 80)", "stretch", "Raise NPS from 66 to 75 (commit 65)"),
        ("Raise NPS from 66 to 75 (commit 65)", "commit", "Raise NPS from 66 to 75"),
        (
            "Raise NPS from 31 to 36: commit 30, target 36, stretch 40",
            "commit",
            "Raise NPS from 31 to 36: target 36, stretch 40",
        ),
        ("Grow ARR to $6M (commit $5.5M, stretch $7M)", "commit", "Grow ARR to $6M (stretch $7M)"),
        ("Raise NPS from 66 to 75", "commit", "Raise NPS from 66 to 75"),
    ],
)
def test_drop_zone_word(title: str, word: str, expected: str) -> None:
    assert drop_zone_word(title, word) == expected


def test_carried_zones_drop_the_points_the_new_baseline_reached(org: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "2027-Q1", *END]) == 0
    nps = krs(org / "okrs/2027-Q1/company.yaml")["delight-customers/nps"]
    assert nps["baseline"] >= 65  # past the commit point of 2026-Q4
    assert "commit" not in nps and (nps["target"], nps["stretch"]) == (75, 80)
    assert nps["title"] == f"Raise NPS from {nps['baseline']:g} to 75 (stretch 80)"
    assert [f for f in lint_json(capsys) if f["code"] in ("E002", "S205")] == []


def test_history_follows_planned_krs(org: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "2027-Q1", *END]) == 0
    capsys.readouterr()
    assert main(["report", "--format", "json", "--history", "--no-cache", "--as-of", "2027-01-15"]) == 0
    chains = {c["ref"]: [s["period"] for s in c["periods"]] for c in json.loads(capsys.readouterr().out)["carried"]}
    assert chains["company/delight-customers/nps"] == ["2026-Q3", "2026-Q4", "2027-Q1"]
