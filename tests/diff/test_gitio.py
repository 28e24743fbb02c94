"""Tests for okrlint.diff.gitio: revisions validated, files read from git without a checkout."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from git_helpers import commit, git, init_repo, write
from okrlint.diff import gitio

SUFFIXES = (".yaml", ".yml", ".csv")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    path = init_repo(tmp_path / "repo")
    write(path, "okrs/a.yaml", "teams: []\n")
    write(path, "okrs/sub dir/ünï.yml", "kpis: []\n")
    write(path, "okrs/.hidden/x.yaml", "teams: []\n")
    write(path, "okrs/notes.txt", "not okrs\n")
    write(path, "other/b.yaml", "teams: []\n")
    os.symlink("a.yaml", path / "okrs" / "link.yaml")
    commit(path, "first")
    git(path, "tag", "v1")
    return path


@pytest.mark.parametrize("revision", ["--upload-pack=touch /tmp/pwned", "-h", "", "HEAD\n--all", "nosuch", "v2"])
def test_resolve_commit_refuses_bad_revisions(repo: Path, revision: str) -> None:
    with pytest.raises(gitio.GitError):
        gitio.resolve_commit(repo, revision)


def test_resolve_commit_refuses_a_tree(repo: Path) -> None:
    with pytest.raises(gitio.GitError, match="not a commit"):
        gitio.resolve_commit(repo, "HEAD^{tree}")


def test_resolve_commit_accepts_branch_tag_and_short_id(repo: Path) -> None:
    full = git(repo, "rev-parse", "HEAD").strip()
    assert gitio.resolve_commit(repo, "main") == full
    assert gitio.resolve_commit(repo, "v1") == full
    assert gitio.resolve_commit(repo, full[:8]) == full


def test_toplevel_outside_git_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(gitio.GitError, match="not inside a git repository"):
        gitio.toplevel(tmp_path)


def test_git_ignores_environment_pointing_elsewhere(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = init_repo(tmp_path / "other")
    monkeypatch.setenv("GIT_DIR", str(other / ".git"))
    monkeypatch.setenv("GIT_WORK_TREE", str(other))
    monkeypatch.setenv("GIT_EXTERNAL_DIFF", "false")
    assert gitio.toplevel(repo / "okrs").resolve() == repo.resolve()
    assert "GIT_DIR" not in gitio.git_env()
    assert "GIT_EXTERNAL_DIFF" not in gitio.git_env()


def test_list_files_keeps_regular_okr_files_under_the_folders(repo: Path) -> None:
    head = gitio.resolve_commit(repo, "HEAD")
    paths = [f.path for f in gitio.list_files(repo, head, ["okrs"], SUFFIXES)]
    assert paths == ["okrs/a.yaml", "okrs/sub dir/ünï.yml"]


def test_list_files_of_the_whole_tree(repo: Path) -> None:
    head = gitio.resolve_commit(repo, "HEAD")
    paths = [f.path for f in gitio.list_files(repo, head, ["."], SUFFIXES)]
    assert "other/b.yaml" in paths and "okrs/a.yaml" in paths


def test_read_blobs_returns_exact_bytes(repo: Path) -> None:
    head = gitio.resolve_commit(repo, "HEAD")
    files = gitio.list_files(repo, head, ["okrs"], SUFFIXES)
    contents = gitio.read_blobs(repo, [f.blob for f in files])
    assert contents[files[0].blob] == b"teams: []\n"
    assert contents[files[1].blob] == b"kpis: []\n"


def test_export_tree_reads_an_old_revision_without_touching_the_work_tree(repo: Path, tmp_path: Path) -> None:
    old = gitio.resolve_commit(repo, "HEAD")
    write(repo, "okrs/a.yaml", "teams: [changed]\n")
    commit(repo, "second")
    target = tmp_path / "export"
    count = gitio.export_tree(repo, old, ["okrs"], SUFFIXES, target, max_bytes=1000)
    assert count == 2
    assert (target / "okrs" / "a.yaml").read_text() == "teams: []\n"
    assert (repo / "okrs" / "a.yaml").read_text() == "teams: [changed]\n"
    assert git(repo, "status", "--porcelain") == ""


def test_export_tree_writes_oversized_files_as_placeholders_of_their_size(repo: Path, tmp_path: Path) -> None:
    write(repo, "okrs/big.yaml", "teams: []\n" + "#" * 5000 + "\n")
    head = commit(repo, "big")
    target = tmp_path / "export"
    gitio.export_tree(repo, head, ["okrs"], SUFFIXES, target, max_bytes=100)
    big = target / "okrs" / "big.yaml"
    assert big.stat().st_size == (repo / "okrs" / "big.yaml").stat().st_size
    assert (target / "okrs" / "a.yaml").read_text() == "teams: []\n"
