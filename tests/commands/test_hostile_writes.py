"""Writers never go through a symbolic link inside the target folder or repository (SPEC §7).

``okrlint init DIR`` with ``DIR/okrs -> /elsewhere`` (or any scaffolded file or folder a link),
and ``lint --output``, ``diff --output`` and ``report --out`` into a linked folder or onto a
linked file of the repository: exit 2 naming the link, nothing written anywhere.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from git_helpers import commit, init_repo
from okrlint.cli import main

AS_OF = "2026-11-20"


def _snapshot(folder: Path) -> dict[str, bytes | str]:
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        found[rel] = "link:" + os.readlink(path) if path.is_symlink() else "dir" if path.is_dir() else path.read_bytes()
    return found


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    """A folder outside every repository, holding one file that must stay as it is."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "keep.txt").write_text("precious\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "link",
    [
        "okrs",
        "okrs/2026-Q4",
        "okrs/2026-Q4/checkins",
        ".okrlint",
        ".okrlint/schema",
        "okrs/teams.yaml",
        ".okrlint.yaml",
    ],
)
@pytest.mark.parametrize("force", [False, True])
def test_init_refuses_a_linked_subfolder_or_file(
    tmp_path: Path, victim: Path, link: str, force: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "repo"
    path = target / link
    path.parent.mkdir(parents=True, exist_ok=True)
    is_file = link.endswith(".yaml")
    path.symlink_to(victim / "keep.txt" if is_file else victim, target_is_directory=not is_file)
    before, inside = _snapshot(victim), _snapshot(target)
    args = ["init", str(target), "--as-of", AS_OF] + (["--force"] if force else [])
    assert main(args) == 2
    err = capsys.readouterr().err
    assert f"{path}: is a symbolic link" in err, err
    assert _snapshot(victim) == before and _snapshot(target) == inside


def test_init_refuses_a_dangling_link(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "repo"
    target.mkdir()
    (target / "okrs").symlink_to(tmp_path / "not-yet", target_is_directory=True)
    assert main(["init", str(target), "--as-of", AS_OF]) == 2
    assert "is a symbolic link" in capsys.readouterr().err
    assert not (tmp_path / "not-yet").exists()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh ``okrlint init`` git repository, as the current folder."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    root = tmp_path / "repo"
    assert main(["init", str(root), "--as-of", AS_OF]) == 0
    init_repo(root)
    commit(root, "init")
    monkeypatch.chdir(root)
    return root


COMMANDS = {
    "lint": ["lint", "--as-of", AS_OF, "--output"],
    "lint-sarif": ["lint", "--format", "sarif", "--as-of", AS_OF, "--output"],
    "diff": ["diff", "HEAD", "--as-of", AS_OF, "--output"],
    "report-md": ["report", "--format", "md", "--as-of", AS_OF, "--out"],
    "report-json": ["report", "--format", "json", "--as-of", AS_OF, "--out"],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("where", ["linked-folder", "linked-file", "linked-inside"])
def test_outputs_never_go_through_a_link_in_the_repository(
    repo: Path, victim: Path, command: str, where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if where == "linked-folder":
        (repo / "out").symlink_to(victim, target_is_directory=True)
        output = "out/result.txt"
    elif where == "linked-file":
        (repo / "result.txt").symlink_to(victim / "keep.txt")
        output = "result.txt"
    else:  # a link to a folder of the repository itself: its files are not output's to replace
        (repo / "out").symlink_to(repo / "okrs", target_is_directory=True)
        output = "out/teams.yaml"
    before, okrs = _snapshot(victim), _snapshot(repo / "okrs")
    assert main([*COMMANDS[command], output]) == 2
    assert "is a symbolic link" in capsys.readouterr().err
    assert _snapshot(victim) == before and _snapshot(repo / "okrs") == okrs


@pytest.mark.parametrize("nested", [False, True])
def test_html_report_never_goes_through_a_link(
    repo: Path, victim: Path, nested: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    if nested:
        (repo / "public").mkdir()
        (repo / "public" / "site").symlink_to(victim, target_is_directory=True)
        out = "public/site"
    else:
        (repo / "site").symlink_to(victim, target_is_directory=True)
        out = "site"
    (victim / "keep.txt").unlink()  # an empty folder: the HTML writer would otherwise claim it
    assert main(["report", "--format", "html", "--as-of", AS_OF, "--out", out]) == 2
    assert "is a symbolic link" in capsys.readouterr().err
    assert list(victim.iterdir()) == []


def test_output_outside_the_repository_is_the_users_choice(repo: Path, tmp_path: Path) -> None:
    """An explicit path outside the repository (a CI summary file, /tmp) is written as asked."""
    elsewhere = tmp_path / "reports"
    elsewhere.mkdir()
    assert main(["lint", "--as-of", AS_OF, "--output", str(elsewhere / "lint.txt")]) == 0
    assert (elsewhere / "lint.txt").read_text(encoding="utf-8").startswith("Found 0 problems")
