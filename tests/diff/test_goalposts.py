"""Goalposts in ``okrlint diff``: a KR's target lowered in week 9 of its quarter cannot be missed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from git_helpers import OKR_SET, commit, init_repo, write
from okrlint.cli import main

PATH = "okrs/company.yaml"


def commit_on(repo: Path, day: str, monkeypatch: pytest.MonkeyPatch, message: str) -> str:
    """Commit with author and committer date ``day`` (noon UTC)."""
    monkeypatch.setenv("GIT_COMMITTER_DATE", f"{day}T12:00:00+00:00")
    monkeypatch.setenv("GIT_AUTHOR_DATE", f"{day}T12:00:00+00:00")
    return commit(repo, message)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = init_repo(tmp_path / "repo")
    write(path, PATH, OKR_SET)
    commit_on(path, "2026-09-24", monkeypatch, "Q4 OKRs agreed")
    monkeypatch.chdir(path)
    return path


def diff(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    main(["diff", *args, "--as-of", "2026-11-26"])
    return capsys.readouterr().out


def test_target_lowered_in_week_9_is_marked(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repo, PATH, OKR_SET.replace("target: 14", "target: 12").replace("unit: M EUR", "unit: MEUR"))
    commit_on(repo, "2026-11-26", monkeypatch, "lower ARR target")  # week 9 of 2026-Q4
    document = json.loads(diff(capsys, "HEAD~1", "HEAD", "--format", "json"))
    by_field = {c["field"]: c for c in document["changes"]}
    assert by_field["target"] == {
        "change": "changed",
        "ref": "company/grow/arr",
        "period": "2026-Q4",
        "field": "target",
        "old": 14,
        "new": 12,
        "mid_period": True,
    }
    assert by_field["unit"]["mid_period"] is False
    markdown = diff(capsys, "HEAD~1", "HEAD")
    assert "> ⚠ **Goalposts moved mid-period (as of 2026-11-26):** 1 key result — target, baseline" in markdown
    line = next(line for line in markdown.splitlines() if "company/grow/arr" in line)
    assert line.endswith("⚠ **goalposts moved mid-period**: 62% of 2026-Q4 had elapsed (week 9)")  # 56 of 91 days


def test_head_commit_date_decides_not_as_of(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repo, PATH, OKR_SET.replace("target: 14", "target: 12"))
    commit_on(repo, "2026-09-28", monkeypatch, "agreed before the quarter")
    document = json.loads(diff(capsys, "HEAD~1", "HEAD", "--format", "json"))
    assert [c["mid_period"] for c in document["changes"]] == [False]
    assert "Goalposts moved" not in diff(capsys, "HEAD~1", "HEAD")


def test_removed_kr_and_working_tree_use_as_of(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo, PATH, OKR_SET.replace("      - id: nrr\n", "      - id: nrr-new\n"))
    document = json.loads(diff(capsys, "HEAD", "--format", "json"))
    marks = {(c["change"], c["ref"]): c["mid_period"] for c in document["changes"]}
    assert marks == {("removed", "company/grow/nrr"): True, ("added", "company/grow/nrr-new"): False}
    main(["diff", "HEAD", "--as-of", "2026-09-30"])
    assert "⚠" not in capsys.readouterr().out
