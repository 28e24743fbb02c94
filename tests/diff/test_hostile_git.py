"""``okrlint diff`` runs git without a shell, validates revisions, and runs no command the repository or the
environment names (pager, external diff, fsmonitor, filters, hooks, config injected through the environment).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from git_helpers import git, init_repo, write
from okrlint.cli import main

OKRS = """\
team: shop
period: 2026-Q4
objectives:
  - id: checkout
    title: Make checkout effortless
    key_results:
      - {id: latency, title: Cut p95 latency from 1200 ms to 400 ms, baseline: 1200, target: TARGET, unit: ms}
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with two commits whose config and attributes name a tripwire program everywhere they can."""
    root = init_repo(tmp_path / "repo")
    tripwire = tmp_path / "tripwire.sh"
    tripwire.write_text(f'#!/bin/sh\necho "$0 $*" >> {tmp_path / "PWNED"}\ncat\n', encoding="utf-8")
    tripwire.chmod(tripwire.stat().st_mode | stat.S_IXUSR)
    write(root, ".okrlint.yaml", "paths: [okrs]\n")
    write(root, ".gitattributes", "*.yaml diff=evil filter=evil\n")
    write(root, "okrs/shop.yaml", OKRS.replace("TARGET", "400"))
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "one")
    write(root, "okrs/shop.yaml", OKRS.replace("TARGET", "300"))
    git(root, "commit", "-q", "-am", "two")
    for key in (
        "core.pager",
        "core.fsmonitor",
        "diff.external",
        "diff.evil.command",
        "diff.evil.textconv",
        "filter.evil.smudge",
        "filter.evil.clean",
        "filter.evil.process",
        "core.sshCommand",
        "core.editor",
        "sequence.editor",
        "alias.okrlint",
    ):
        git(root, "config", key, str(tripwire))
    hooks = root / ".git" / "hooks"
    hooks.mkdir(exist_ok=True)
    for hook in ("post-checkout", "post-index-change", "reference-transaction", "fsmonitor-watchman"):
        (hooks / hook).write_text(tripwire.read_text(encoding="utf-8"), encoding="utf-8")
        (hooks / hook).chmod(0o755)
    write(root, "okrs/shop.yaml", OKRS.replace("TARGET", "250"))  # a working-tree change too
    for variable in ("GIT_EXTERNAL_DIFF", "GIT_PAGER", "PAGER", "GIT_SSH_COMMAND", "GIT_EDITOR", "GIT_ASKPASS"):
        monkeypatch.setenv(variable, str(tripwire))
    monkeypatch.setenv("GIT_CONFIG_COUNT", "1")
    monkeypatch.setenv("GIT_CONFIG_KEY_0", "core.pager")
    monkeypatch.setenv("GIT_CONFIG_VALUE_0", str(tripwire))
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "elsewhere"))
    monkeypatch.chdir(root)
    return root


@pytest.mark.parametrize("revisions", [["HEAD~1"], ["HEAD~1", "HEAD"], ["main~1", "main"]])
def test_diff_runs_no_command_the_repository_or_environment_names(
    repo: Path, revisions: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """The diff works (it sees the target change) and the tripwire never fires."""
    assert main(["diff", *revisions, "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert '"field": "target"' in out
    assert not (repo.parent / "PWNED").exists(), (repo.parent / "PWNED").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "revision",
    [
        "--output=/tmp/okrlint-pwned",
        "-c core.pager=x",
        "HEAD; touch PWNED",
        "$(touch PWNED)",
        "HEAD\nHEAD",
        "HEAD\x00",
        "../../etc/passwd",
        "HEAD:okrs/shop.yaml",
        "",
    ],
)
def test_hostile_revisions_are_refused_and_run_nothing(
    repo: Path, revision: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A revision that is not a commit is exit 2 with one line, and neither a shell nor an option sees it."""
    before = sorted(os.listdir(repo))
    assert main(["diff", "--", revision]) == 2  # after "--", so okrlint itself (not click) must refuse it
    err = capsys.readouterr().err
    assert err.startswith("okrlint: error:") and "Traceback" not in err
    assert sorted(os.listdir(repo)) == before
    assert not Path("/tmp/okrlint-pwned").exists()
    assert not (repo.parent / "PWNED").exists()


@pytest.fixture
def partial_clone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A ``--filter=blob:none`` clone missing the old blobs, whose promisor remote is reached through a tripwire."""
    source = init_repo(tmp_path / "source")
    write(source, ".okrlint.yaml", "paths: [okrs]\n")
    write(source, "okrs/shop.yaml", OKRS.replace("TARGET", "400"))
    git(source, "add", "-A")
    git(source, "commit", "-q", "-m", "one")
    write(source, "okrs/shop.yaml", OKRS.replace("TARGET", "300"))
    git(source, "commit", "-q", "-am", "two")
    git(source, "config", "uploadpack.allowFilter", "true")
    git(source, "config", "uploadpack.allowAnySHA1InWant", "true")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--filter=blob:none", f"file://{source}", str(clone))
    missing = git(clone, "rev-list", "--objects", "--missing=print", "--all")
    assert any(line.startswith("?") for line in missing.splitlines())  # really partial: the old blob is absent
    tripwire = tmp_path / "tripwire.sh"
    tripwire.write_text(f'#!/bin/sh\necho "$0 $*" >> {tmp_path / "PWNED"}\nexit 1\n', encoding="utf-8")
    tripwire.chmod(0o755)
    git(clone, "config", "remote.origin.url", "ssh://git.example.invalid/shop.git")
    for key in ("core.sshCommand", "core.fsmonitor", "core.pager", "diff.external", "credential.helper"):
        git(clone, "config", key, str(tripwire))
    monkeypatch.chdir(clone)
    return clone


@pytest.mark.parametrize("url", ["ssh://git.example.invalid/shop.git", "SOURCE"])
def test_partial_clone_is_never_fetched_from(partial_clone: Path, url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing blob is a clear exit 2: no lazy fetch, so core.sshCommand (or any transport) never runs."""
    if url == "SOURCE":
        url = f"file://{partial_clone.parent / 'source'}"
    git(partial_clone, "config", "remote.origin.url", url)
    objects = git(partial_clone, "count-objects", "-v")
    assert main(["diff", "HEAD~1", "HEAD", "--format", "json"]) == 2
    err = capsys.readouterr().err
    assert "partial clone" in err and "never fetches" in err, err
    assert not (partial_clone.parent / "PWNED").exists(), (partial_clone.parent / "PWNED").read_text(encoding="utf-8")
    assert git(partial_clone, "count-objects", "-v") == objects  # nothing was fetched


def test_partial_clone_diff_of_present_revisions_works(partial_clone: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The revisions whose blobs the clone holds compare as usual, with the tripwire untouched."""
    write(partial_clone, "okrs/shop.yaml", OKRS.replace("TARGET", "250"))
    assert main(["diff", "HEAD", "--format", "json"]) == 0
    assert '"field": "target"' in capsys.readouterr().out
    assert not (partial_clone.parent / "PWNED").exists()
