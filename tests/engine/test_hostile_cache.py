"""A pull request can commit symbolic links into ``.okrlint_cache/``: lint never writes, prunes or follows them.

Each case plants links in the cache folder of a fresh ``okrlint init`` repository, pointing
at a victim folder outside the repository (more files than the cache keeps) or at a folder
inside it; two ``okrlint lint`` runs later the victim is byte-identical and complete, nothing
new exists outside, and the findings are those of an uncached run (SPEC §7).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from okrlint.cli import main
from okrlint.engine.cache import CACHE_DIR, MAX_RESULTS

AS_OF = "2026-11-23"
Plant = Callable[[Path, Path], None]


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Return every entry below ``folder``: file bytes, link targets, folders."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[rel] = "link:" + os.readlink(path)
        elif path.is_dir():
            found[rel] = "dir"
        else:
            found[rel] = path.read_bytes()
    return found


def _link(rel: str, target: str, is_dir: bool = True) -> Plant:
    """Return a plant that makes ``.okrlint_cache/REL`` a link to ``target`` (``{victim}`` is replaced)."""

    def plant(repo: Path, victim: Path) -> None:
        path = repo / CACHE_DIR / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(target.format(victim=victim), target_is_directory=is_dir)

    return plant


def _every_prefix(repo: Path, victim: Path) -> None:
    """Make all 256 per-file folders of the files layer links to the victim."""
    files = repo / CACHE_DIR / "v1" / "files"
    files.mkdir(parents=True)
    for prefix in range(256):
        (files / f"{prefix:02x}").symlink_to(victim, target_is_directory=True)


def _entries_to_victim(repo: Path, victim: Path) -> None:
    """Fill the cache by a first run, then turn every entry into a link to a victim file."""
    _run(repo, "--cache")
    entries = [p for p in (repo / CACHE_DIR).rglob("*") if p.is_file() and p.parent.parent.name != CACHE_DIR]
    entries = [p for p in entries if p.parent.name != CACHE_DIR]
    assert entries
    for number, entry in enumerate(entries):
        entry.unlink()
        entry.symlink_to(victim / f"file-{number:02d}.txt")


def _inside(repo: Path, victim: Path) -> None:
    """Point the results layer at a folder of the repository holding many files."""
    keep = repo / "notes"
    keep.mkdir()
    for number in range(MAX_RESULTS + 8):
        (keep / f"note-{number:02d}.txt").write_text(f"note {number}\n", encoding="utf-8")
    _link("v1/results", "../../notes")(repo, victim)


PLANTS: dict[str, Plant] = {
    "root": _link("", "{victim}"),
    "root-relative": _link("", "../victim"),
    "format-folder": _link("v1", "{victim}"),
    "results": _link("v1/results", "../../../victim"),
    "files": _link("v1/files", "{victim}"),
    "files-prefixes": _every_prefix,
    "tag": _link("CACHEDIR.TAG", "{victim}/file-00.txt", is_dir=False),
    "gitignore": _link(".gitignore", "{victim}/file-01.txt", is_dir=False),
    "tag-dangling": _link("CACHEDIR.TAG", "{victim}/created-by-okrlint.txt", is_dir=False),
    "results-dangling": _link("v1/results", "{victim}/new-folder"),
    "summaries": _link("v1/summaries", "../../../victim"),
    "worlds": _link("v1/worlds", "{victim}"),
    "worlds-dangling": _link("v1/worlds", "{victim}/new-folder"),
    "root-dangling": _link("", "{victim}/new-folder"),
    "entries": _entries_to_victim,
    "inside-repository": _inside,
}


def _run(repo: Path, *options: str) -> int:
    cwd = Path.cwd()
    os.chdir(repo)
    try:
        return main(["lint", "--format", "json", "--as-of", AS_OF, "--output", "lint.json", *options])
    finally:
        os.chdir(cwd)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh ``okrlint init`` repository with one finding of each severity kind."""
    (tmp_path / "user-cache").mkdir()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    root = tmp_path / "repo"
    assert main(["init", str(root)]) == 0
    okrs = next(p for p in (root / "okrs").rglob("*.yaml") if "objectives:" in p.read_text(encoding="utf-8"))
    okrs.write_text(okrs.read_text(encoding="utf-8").replace("title: ", "title: Improve ", 1), encoding="utf-8")
    return root


@pytest.mark.parametrize("name", sorted(PLANTS))
def test_cache_links_are_never_followed(
    repo: Path, tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two linted runs leave the victim byte-identical; findings equal an uncached run."""
    victim = tmp_path / "victim"
    victim.mkdir()
    for number in range(MAX_RESULTS + 8):
        (victim / f"file-{number:02d}.txt").write_text(f"precious {number}\n", encoding="utf-8")
    code = _run(repo, "--no-cache")
    expected = (repo / "lint.json").read_bytes()
    PLANTS[name](repo, victim)
    before, around = snapshot(victim), sorted(p.name for p in tmp_path.iterdir())
    repo_before = snapshot(repo / "notes") if (repo / "notes").exists() else None
    for _ in range(2):
        assert _run(repo, "--cache") == code
        assert (repo / "lint.json").read_bytes() == expected
    assert "Traceback" not in capsys.readouterr().err
    assert snapshot(victim) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == around
    if repo_before is not None:
        assert snapshot(repo / "notes") == repo_before


def test_a_sound_cache_is_still_used_and_pruned(repo: Path) -> None:
    """Without links the cache works: entries are written and results pruned to the newest ones."""
    for day in range(1, MAX_RESULTS + 5):
        cwd = Path.cwd()
        os.chdir(repo)
        try:
            main(["lint", "--format", "json", "--as-of", f"2026-11-{day:02d}", "--output", "lint.json"])
        finally:
            os.chdir(cwd)
    results = list((repo / CACHE_DIR / "v1" / "results").iterdir())
    assert len(results) == MAX_RESULTS
    assert any((repo / CACHE_DIR / "v1" / "files").iterdir())
    assert (repo / CACHE_DIR / "CACHEDIR.TAG").read_text(encoding="utf-8").startswith("Signature: 8a477f59")


def test_foreign_files_in_the_cache_are_not_pruned(repo: Path) -> None:
    """Pruning removes only entries okrlint names itself, never another file placed in the folder."""
    results = repo / CACHE_DIR / "v1" / "results"
    results.mkdir(parents=True)
    foreign = [results / f"keep-{n}.txt" for n in range(MAX_RESULTS + 2)]
    for path in foreign:
        path.write_text("mine\n", encoding="utf-8")
    for day in range(1, 4):
        _run(repo, "--as-of", f"2026-11-{day:02d}")
    assert all(path.exists() for path in foreign)


def test_a_linked_entry_makes_the_whole_cache_ignored(repo: Path, tmp_path: Path) -> None:
    """Entries planted as links are neither read, replaced nor pruned: the run goes on uncached."""
    victim = tmp_path / "victim"
    victim.mkdir()
    _entries_to_victim(repo, victim)
    links = {p: os.readlink(p) for p in (repo / CACHE_DIR).rglob("*") if p.is_symlink()}
    assert _run(repo, "--cache") == _run(repo, "--no-cache")
    assert {p: os.readlink(p) for p in (repo / CACHE_DIR).rglob("*") if p.is_symlink()} == links
    assert list(victim.iterdir()) == []
