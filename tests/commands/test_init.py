"""``okrlint init``: a scaffold that lints clean on any day of its quarter, reports, and never clobbers files."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import click
import pytest

from okrlint.cli import cli, main
from okrlint.model.periods import period_containing
from okrlint.scaffold import checkin_dates

YAML_FILES = (".okrlint.yaml", ".pre-commit-config.yaml", "okrs/teams.yaml", "okrs/kpis.yaml")


def lint_json(
    folder: Path, as_of: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, dict[str, Any]]:
    monkeypatch.chdir(folder)
    code = main(["lint", "--format", "json", "--as-of", as_of])
    return code, json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    ("as_of", "month", "period"),
    [
        ("2026-10-01", 1, "2026-Q4"),  # the first day of the quarter: no check-in yet
        ("2026-11-23", 1, "2026-Q4"),
        ("2026-12-31", 1, "2026-Q4"),  # the last day
        ("2027-02-28", 1, "2027-Q1"),
        ("2026-11-23", 4, "2026-Q3"),  # fiscal year from April
        ("2026-11-23", 10, "2026-Q1"),
    ],
)
def test_init_lints_clean_on_any_day_of_the_quarter(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    as_of: str,
    month: int,
    period: str,
) -> None:
    target = tmp_path / "new-okrs"
    assert main(["init", str(target), "--as-of", as_of, "--fiscal-year-start-month", str(month)]) == 0
    capsys.readouterr()
    assert (target / "okrs" / period / "company.yaml").is_file()
    code, document = lint_json(target, as_of, capsys, monkeypatch)
    assert document["findings"] == []
    assert code == 0
    assert document["summary"]["files"] == 4


def test_init_uses_today_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["init"]) == 0
    assert "Created 11 files:" in capsys.readouterr().out
    period = period_containing(date.today()).id
    assert (tmp_path / "okrs" / period / "checkins" / "company.yaml").is_file()
    code, document = lint_json(tmp_path, date.today().isoformat(), capsys, monkeypatch)
    assert (code, document["findings"]) == (0, [])


def test_checkin_dates_stay_inside_the_elapsed_part_of_the_quarter() -> None:
    quarter = period_containing(date(2026, 11, 23))
    assert checkin_dates(quarter, date(2026, 11, 23)) == [date(2026, 10, 1), date(2026, 10, 27), date(2026, 11, 23)]
    assert checkin_dates(quarter, date(2026, 10, 2)) == [date(2026, 10, 1), date(2026, 10, 2)]
    assert checkin_dates(quarter, date(2026, 10, 1)) == []  # the first day: no progress yet


def test_the_day_after_init_for_a_new_quarter_says_no_data_yet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # SPEC §5.1: before any check-in of a period, "no data yet", not "Org score 0 % 🔴 Red"
    assert main(["init", str(tmp_path), "--as-of", "2027-01-01"]) == 0
    capsys.readouterr()
    monkeypatch.chdir(tmp_path)
    assert main(["report", "--format", "json", "--as-of", "2027-01-02"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["score"], data["grade"], data["status"]) == (None, None, "no-data")
    assert [(t["score"], t["status"]) for t in data["teams"]] == [(None, "no-data")]
    assert {kr["status"] for o in data["teams"][0]["objectives"] for kr in o["key_results"]} == {"no-data"}
    assert main(["report", "--format", "md", "--as-of", "2027-01-02"]) == 0
    md = capsys.readouterr().out
    assert "**Org score: no data yet**" in md
    assert "## Example Inc. · ⚪ no data yet" in md
    assert "| Example Inc. | – | `░░░░░░░░░░` | ⚪ No data yet |" in md
    assert "0%" not in md.split("## Example Inc.")[0] and "Red" not in md
    assert main(["report", "--format", "html", "--as-of", "2027-01-02", "--out", "site"]) == 0
    for page in ("index.html", "teams/company.html"):
        html = (tmp_path / "site" / page).read_text(encoding="utf-8")
        assert "no data yet" in html.lower()
        assert 'donut-num">0%' not in html and "Red</span>" not in html


def test_every_yaml_file_names_its_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(tmp_path), "--as-of", "2026-11-23"]) == 0
    capsys.readouterr()
    files = [*YAML_FILES, "okrs/2026-Q4/company.yaml", "okrs/2026-Q4/checkins/company.yaml"]
    for name in files:
        first = (tmp_path / name).read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), name
        schema = first.split("$schema=", 1)[1]
        if schema.startswith("https://"):
            continue
        resolved = (tmp_path / name).parent / schema
        assert resolved.is_file(), f"{name}: {schema} does not exist"
        assert json.loads(resolved.read_text(encoding="utf-8"))["$schema"].endswith("2020-12/schema")


def test_init_then_report_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    if cli.get_command(click.Context(cli), "report") is None:
        pytest.skip("okrlint report is not available yet")
    assert main(["init", str(tmp_path), "--as-of", "2026-11-23"]) == 0
    capsys.readouterr()
    monkeypatch.chdir(tmp_path)
    assert main(["report", "--format", "json", "--as-of", "2026-11-23"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["period"]["id"] == "2026-Q4"
    assert [team["id"] for team in report["teams"]] == ["company"]
    krs = [kr for objective in report["teams"][0]["objectives"] for kr in objective["key_results"]]
    assert len(krs) == 9
    assert all(kr["status"] != "no-data" for kr in krs)
    assert {kpi["id"] for kpi in report["kpis"]} == {"paying-customers", "monthly-churn", "nps"}


def test_init_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".okrlint.yaml").write_text("paths: [goals]\n")
    (tmp_path / "okrs").mkdir()
    (tmp_path / "okrs" / "teams.yaml").write_text("teams: []\n")
    assert main(["init", str(tmp_path), "--as-of", "2026-11-23"]) == 2
    err = capsys.readouterr().err
    assert ".okrlint.yaml" in err and "okrs/teams.yaml" in err and "--force" in err
    assert (tmp_path / ".okrlint.yaml").read_text() == "paths: [goals]\n"
    assert sorted(p.name for p in tmp_path.rglob("*")) == [".okrlint.yaml", "okrs", "teams.yaml"]


def test_init_force_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".okrlint.yaml").write_text("paths: [goals]\n")
    assert main(["init", str(tmp_path), "--force", "--as-of", "2026-11-23"]) == 0
    assert "paths: [okrs]" in (tmp_path / ".okrlint.yaml").read_text()
    assert not list(tmp_path.rglob("*.tmp"))


def test_init_into_a_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "file").write_text("x")
    assert main(["init", str(tmp_path / "file")]) == 2


def test_pre_commit_config_is_valid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(tmp_path), "--as-of", "2026-11-23"]) == 0
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", ".pre-commit-config.yaml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_pre_commit_hook_runs_offline_from_the_installed_okrlint(tmp_path: Path) -> None:
    """The scaffold's hook is ``repo: local``/``language: system``: pre-commit downloads nothing."""
    assert main(["init", str(tmp_path)]) == 0
    text = (tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert "  - repo: local\n" in text and "language: system" in text
    assert "#   - repo: https://github.com/okrlint/okrlint\n" in text  # the remote form, as a comment
    git_config = tmp_path.parent / "gitconfig"
    git_config.write_text("[init]\n\tdefaultBranch = main\n", encoding="utf-8")
    env = {
        **os.environ,
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
        "PRE_COMMIT_HOME": str(tmp_path.parent / "pre-commit-home"),
        "GIT_CONFIG_GLOBAL": str(git_config),
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    for command in (["git", "init", "-q"], ["git", "add", "-A"]):
        subprocess.run(command, cwd=tmp_path, env=env, check=True)
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"^okrlint\.+Passed$", done.stdout, re.M), done.stdout
    (tmp_path / "okrs/teams.yaml").write_text("teams:\n  - {id: company}\n", encoding="utf-8")  # E002: no name
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 1 and "okrs/teams.yaml:2:5: E002" in done.stdout, done.stdout


def test_scaffold_shows_stretch_zones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["init", str(tmp_path), "--as-of", "2026-11-23"]) == 0
    capsys.readouterr()
    monkeypatch.chdir(tmp_path)
    assert main(["report", "--format", "json", "--as-of", "2026-11-23"]) == 0
    data = json.loads(capsys.readouterr().out)
    krs = {kr["id"]: kr for o in data["teams"][0]["objectives"] for kr in o["key_results"]}
    assert (krs["nps"]["commit"], krs["nps"]["target"], krs["nps"]["stretch"]) == (40, 45, 50)
    assert krs["nps"]["zone"] in ("fail", "commit", "target")
    assert krs["engagement"]["stretch"] == 82 and krs["engagement"]["zone"] is not None
    assert data["summary"]["zone_counts"]["fail"] + data["summary"]["zone_counts"]["commit"] >= 1
