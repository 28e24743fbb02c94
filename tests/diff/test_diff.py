"""Tests for ``okrlint diff``: real git repositories, changes matched by id, new findings, bad revisions."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from git_helpers import OKR_SET, SECOND_OBJECTIVE, VAGUE_KR, commit, init_repo, write
from okrlint.cli import main
from okrlint.commands.common import load_config
from okrlint.diff import compare as diff_module
from okrlint.diff import gitio
from okrlint.diff.render import render_markdown
from okrlint.lint.selection import Selection

AS_OF = "2026-11-23"
PATH = "okrs/company.yaml"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = init_repo(tmp_path / "repo")
    write(path, PATH, OKR_SET)
    commit(path, "base")
    monkeypatch.chdir(path)
    return path


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any]]:
    code = main(["diff", *args, "--format", "json", "--as-of", AS_OF])
    return code, json.loads(capsys.readouterr().out)


def changes(document: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [tuple(v for k, v in c.items() if k not in ("period", "mid_period")) for c in document["changes"]]


def test_no_change_against_head(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, document = run_json(capsys, "HEAD")
    assert code == 0
    assert document == {"version": 1, "base": "HEAD", "head": "working tree", "changes": [], "new_findings": []}


def test_added_objective_lists_the_objective_and_its_key_results(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repo, PATH, OKR_SET + SECOND_OBJECTIVE)
    code, document = run_json(capsys, "HEAD")
    assert code == 0
    assert changes(document) == [
        ("added", "company/delight"),
        ("added", "company/delight/nps"),
        ("added", "company/delight/onboarding"),
    ]


def test_removed_key_result(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = OKR_SET.split("      - id: launch")[0]
    write(repo, PATH, text)
    _, document = run_json(capsys, "HEAD")
    assert changes(document) == [("removed", "company/grow/launch")]


def test_changed_target_field_by_field(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo, PATH, OKR_SET.replace("target: 14", "target: 15").replace("unit: M EUR", "unit: MEUR"))
    _, document = run_json(capsys, "HEAD")
    assert document["changes"] == [
        {
            "change": "changed",
            "ref": "company/grow/arr",
            "period": "2026-Q4",
            "field": "target",
            "old": 14,
            "new": 15,
            "mid_period": True,
        },
        {
            "change": "changed",
            "ref": "company/grow/arr",
            "period": "2026-Q4",
            "field": "unit",
            "old": "M EUR",
            "new": "MEUR",
            "mid_period": False,
        },
    ]


def test_renamed_title_is_a_change_not_an_add_and_remove(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo, PATH, OKR_SET.replace("Grow revenue with our best customers", "Grow revenue from loyal customers"))
    _, document = run_json(capsys, "HEAD")
    assert document["changes"] == [
        {
            "change": "changed",
            "ref": "company/grow",
            "period": "2026-Q4",
            "field": "title",
            "old": "Grow revenue with our best customers",
            "new": "Grow revenue from loyal customers",
            "mid_period": False,
        }
    ]


def test_moved_key_result_between_objectives(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    moved = OKR_SET.replace(
        "      - id: launch\n        title: Launch the partner program in 2 regions\n        milestone: true\n", ""
    )
    moved += (
        SECOND_OBJECTIVE + "      - id: launch\n        title: Launch the partner program in 2 regions\n"
        "        milestone: true\n"
    )
    write(repo, PATH, moved)
    _, document = run_json(capsys, "HEAD")
    assert ("removed", "company/grow/launch") in changes(document)
    assert ("added", "company/delight/launch") in changes(document)


def test_new_findings_ignore_line_shifts_and_existing_problems(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo, PATH, OKR_SET + VAGUE_KR)
    commit(repo, "vague KR in base")
    shifted = OKR_SET.replace("objectives:\n", "description: Our company OKRs\n# a comment\nobjectives:\n")
    write(
        repo,
        PATH,
        shifted
        + VAGUE_KR
        + VAGUE_KR.replace("id: vague", "id: vaguer").replace("customer happiness", "partner happiness"),
    )
    code, document = run_json(capsys, "HEAD")
    new = [(f["path"], f["code"]) for f in document["new_findings"]]
    assert ("okrs/company.yaml", "S201") in new
    s201 = [f for f in document["new_findings"] if f["code"] == "S201"]
    assert len(s201) == 1, "the shifted base finding must not count as new"
    assert "partner happiness" in s201[0]["message"]
    assert code == 1


def test_new_finding_between_two_commits(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo, PATH, OKR_SET + VAGUE_KR)
    commit(repo, "vague")
    write(repo, PATH, OKR_SET)  # the working tree is clean again: HEAD~1..HEAD is what counts
    code, document = run_json(capsys, "HEAD~1", "HEAD")
    assert document["head"] == "HEAD"
    assert changes(document) == [("added", "company/grow/vague")]
    assert [f["code"] for f in document["new_findings"] if f["code"] == "S201"] == ["S201"]
    assert code == 1


def test_markdown_reads_as_a_pull_request_comment(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = OKR_SET.replace("target: 14", "target: 15").replace(
        "Grow revenue with our best customers", "Grow revenue | <b>loyal</b> customers"
    )
    write(repo, PATH, text + VAGUE_KR + SECOND_OBJECTIVE)
    code = main(["diff", "main", "--as-of", AS_OF])
    out = capsys.readouterr().out
    assert code == 1
    assert out.startswith("## OKR changes\n")
    assert "`main` → working tree" in out
    assert "### company · 2026-Q4" in out
    assert "target 14 → 15" in out
    assert "New objective **Delight merchants from their first day** (`company/delight`) with 2 key results" in out
    assert "Raise NPS from 40 to 55 — 40 → 55 points" in out
    assert "New key result **Improve customer happiness significantly** (`company/grow/vague`)" in out
    assert "<b>" not in out and "\\| &lt;b>loyal&lt;/b> customers" in out  # only the < that opens a tag
    assert "### New findings" in out and "S201 vague-key-result" in out


def test_config_in_a_subfolder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = init_repo(tmp_path / "repo")
    write(repo, "project/.okrlint.yaml", "paths: [goals]\n")
    write(repo, "project/goals/company.yaml", OKR_SET)
    commit(repo, "base")
    write(repo, "project/goals/company.yaml", OKR_SET.replace("target: 110", "target: 112"))
    monkeypatch.chdir(repo / "project")
    _, document = run_json(capsys, "HEAD")
    assert changes(document) == [("changed", "company/grow/nrr", "target", 110, 112)]


def test_diff_writes_output_file(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "HEAD", "--as-of", AS_OF, "--output", "diff.md"]) == 0
    assert (repo / "diff.md").read_text().startswith("## OKR changes")


@pytest.mark.parametrize(
    "args",
    [
        ["diff", "--", "--upload-pack=touch pwned"],
        ["diff", "--upload-pack=touch pwned"],
        ["diff", "nosuch-branch"],
        ["diff", "HEAD", "nosuch-branch"],
        ["diff", "HEAD", "--", "-x"],
        ["diff", "HEAD^{tree}"],
    ],
)
def test_bad_revisions_exit_2_and_run_nothing_else(
    repo: Path, args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    calls: list[list[str]] = []
    real = gitio.run_git

    def spy(arguments: list[str], cwd: Path, stdin: bytes | None = None) -> bytes:
        calls.append(list(arguments))
        return real(arguments, cwd, stdin)

    def no_lint(*_: object, **__: object) -> None:
        raise AssertionError("lint must not run for a bad revision")

    monkeypatch.setattr(gitio, "run_git", spy)
    monkeypatch.setattr(diff_module, "lint", no_lint)
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.strip()
    assert not (repo / "pwned").exists()
    assert all(call[0] in ("rev-parse",) for call in calls)
    assert not any(arg.startswith("--upload-pack") or arg == "-x" for call in calls for arg in call)


def test_outside_a_git_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, PATH, OKR_SET)
    monkeypatch.chdir(tmp_path)
    assert main(["diff", "HEAD"]) == 2
    assert "not inside a git repository" in capsys.readouterr().err


def test_markdown_fits_a_github_comment(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    objectives = "".join(
        SECOND_OBJECTIVE.replace("id: delight", f"id: delight-{n}").replace("first day", f"first day, part {n}")
        for n in range(60)
    )
    write(repo, PATH, OKR_SET + objectives)
    diff = diff_module.diff_revisions(load_config(None), "HEAD", None, date(2026, 11, 23), Selection())
    full = render_markdown(diff)
    short = render_markdown(diff, limit=3000)
    assert len(short) <= 3000 < len(full)
    assert "more lines left out to fit a GitHub comment" in short
    assert short.endswith("run it locally to see the same.</sub>\n")
