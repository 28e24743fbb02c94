"""``okrlint lint FILE…`` (what pre-commit runs): the whole repository as context, findings of the files only."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from git_helpers import init_repo, write
from okrlint.cli import main

TEAMS = """\
teams:
  - id: company
    name: Acme
  - id: sales
    name: Sales
    parent: company
"""
COMPANY = """\
team: company
period: 2026-Q4
objectives:
  - id: grow
    title: Grow revenue with our best customers
    key_results:
      - id: arr
        title: Raise ARR from 10 to 14 million EUR
        baseline: 10
        target: 14
        unit: M EUR
"""
SALES = """\
team: sales
period: 2026-Q4
objectives:
  - id: close
    title: Close more of the deals we start
    aligns: company/grow
    key_results:
      - id: win-rate
        title: Raise win rate from 20% to 30%
        baseline: 20
        target: 30
        unit: "%"
"""
CHECKINS = """\
team: company
checkins:
  - date: 2026-11-02
    kr: grow/arr
    value: 11
"""
BROKEN = """\
team: company
checkins:
  - date: 2026-11-02
    kr: grow/nothing-here
    value: 11
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    path = init_repo(tmp_path / "repo")
    write(path, "okrs/teams.yaml", TEAMS)
    write(path, "okrs/2026-Q4/company.yaml", COMPANY)
    write(path, "okrs/2026-Q4/sales.yaml", SALES)
    write(path, "okrs/2026-Q4/checkins/company.yaml", CHECKINS)
    write(path, "okrs/2026-Q4/checkins/broken.yaml", BROKEN)
    return path


def lint_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any]]:
    code = main(["lint", "--select", "E", "--format", "json", "--as-of", "2026-11-23", *args])
    return code, json.loads(capsys.readouterr().out)


def found(document: dict[str, Any]) -> list[tuple[str, str]]:
    return [(f["path"], f["code"]) for f in document["findings"]]


def test_references_into_other_files_resolve(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(repo)
    code, document = lint_json(capsys, "okrs/2026-Q4/sales.yaml", "okrs/2026-Q4/checkins/company.yaml")
    assert (code, found(document)) == (0, [])
    assert document["summary"]["files"] == 2


def test_only_the_passed_files_are_reported(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(repo)
    assert found(lint_json(capsys)[1]) == [("okrs/2026-Q4/checkins/broken.yaml", "E005")]
    code, document = lint_json(capsys, "okrs/2026-Q4/company.yaml")
    assert (code, found(document)) == (0, [])
    code, document = lint_json(capsys, "okrs/2026-Q4/checkins/broken.yaml")
    assert (code, found(document)) == (1, [("okrs/2026-Q4/checkins/broken.yaml", "E005")])


def test_called_from_a_subfolder_without_config(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(repo / "okrs" / "2026-Q4" / "checkins")
    code, document = lint_json(capsys, "company.yaml", "broken.yaml")
    assert code == 1
    assert found(document) == [("okrs/2026-Q4/checkins/broken.yaml", "E005")]


def test_called_from_a_subfolder_with_config_at_the_root(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repo, ".okrlint.yaml", "paths: [okrs]\nignore: [E005]\n")
    monkeypatch.chdir(repo / "okrs" / "2026-Q4")
    code, document = lint_json(capsys, "checkins/broken.yaml")
    assert (code, found(document)) == (0, [])  # the root's config (ignore: [E005]) applies


def test_file_outside_the_configured_paths_sees_the_repository(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repo, "drafts/checkins.yaml", CHECKINS)
    write(repo, "drafts/typo.yaml", SALES.replace("company/grow", "company/grwo"))
    monkeypatch.chdir(repo)
    code, document = lint_json(capsys, "drafts/checkins.yaml")
    assert (code, found(document)) == (0, [])  # grow/arr is defined under okrs/
    code, document = lint_json(capsys, "drafts/typo.yaml")
    assert code == 1
    assert found(document) == [("drafts/typo.yaml", "E005")]


def test_config_in_a_subproject_is_found_from_the_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = init_repo(tmp_path / "repo")
    write(repo, "planning/.okrlint.yaml", "paths: [goals]\n")
    write(repo, "planning/goals/company.yaml", COMPANY)
    write(repo, "planning/goals/checkins.yaml", CHECKINS)
    monkeypatch.chdir(repo)  # pre-commit runs hooks from the top of the repository
    code, document = lint_json(capsys, "planning/goals/checkins.yaml")
    assert (code, found(document)) == (0, [])
    write(repo, "planning/goals/broken.yaml", BROKEN)
    code, document = lint_json(capsys, "planning/goals/broken.yaml")
    assert found(document) == [("goals/broken.yaml", "E005")]


def test_passed_file_that_does_not_exist(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(repo)
    assert main(["lint", "okrs/nope.yaml"]) == 2
    assert "okrs/nope.yaml: no such file or folder" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: os.mkfifo(p), "not a regular file"),
        (lambda p: p.symlink_to("/etc/hostname"), "a symbolic link that leads outside the repository"),
        (
            lambda p: p.with_suffix(".md").write_text("# notes\n", encoding="utf-8"),
            "reads only .yaml, .yml, .csv files",
        ),
    ],
)
def test_a_passed_file_that_is_skipped_says_why_on_stderr(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], make: Any, reason: str
) -> None:
    monkeypatch.chdir(repo)
    target = repo / "okrs" / "odd.yaml"
    made = make(target)
    name = "okrs/odd.md" if made is not None else "okrs/odd.yaml"
    code, document = lint_json(capsys, name)
    assert code == 0 and document["summary"]["files"] == 0  # stdout stays a clean JSON document
    assert main(["lint", name]) == 0
    err = capsys.readouterr().err
    assert f"okrlint: warning: {name}: skipped: " in err and reason in err


@pytest.mark.parametrize(("env", "expected"), [("true", "::error "), (None, "okrs/2026-Q4/checkins/broken.yaml:4:")])
def test_format_auto_is_github_under_github_actions(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], env: str | None, expected: str
) -> None:
    monkeypatch.chdir(repo)
    if env is None:
        monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    else:
        monkeypatch.setenv("GITHUB_ACTIONS", env)
    assert main(["lint", "--select", "E", "--as-of", "2026-11-23", "okrs/2026-Q4/checkins/broken.yaml"]) == 1
    out = capsys.readouterr().out
    assert out.startswith(expected)
    assert ("::error file=okrs/2026-Q4/checkins/broken.yaml,line=4," in out) == (env == "true")


def test_a_named_path_cannot_drive_the_terminal(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file name with an escape sequence (a pull request can add such a link) is shown escaped on stderr."""
    monkeypatch.chdir(repo)
    (repo / "okrs" / "a\x1b[2Jb.yaml").symlink_to("/etc/hostname")
    assert main(["lint", "okrs/a\x1b[2Jb.yaml"]) == 0
    assert "okrlint: warning: okrs/a\\x1b[2Jb.yaml: skipped:" in capsys.readouterr().err
    assert main(["lint", "okrs/gone\x1b]0;title\x07.yaml"]) == 2
    assert "okrlint: error: okrs/gone\\x1b]0;title\\x07.yaml: no such file or folder" in capsys.readouterr().err
