"""The stamp index: unchanged files are not hashed again; any stat change, or a racy mtime, hashes again."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from okrlint.config import Config
from okrlint.engine import stampindex
from okrlint.engine.cache import LintCache, stamp
from okrlint.source.files import SourceFile


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> LintCache:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    (tmp_path / "repo").mkdir()
    return LintCache(Config(root=tmp_path / "repo"))


def _files(root: Path, old: bool) -> list[SourceFile]:
    files = []
    for name in ("a.yaml", "b.yaml"):
        path = root / name
        path.write_text(f"{name}: 1\n", encoding="utf-8")
        if old:
            past = time.time_ns() - 60_000_000_000
            os.utime(path, ns=(past, past))
        files.append(SourceFile(name, path))
    return files


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    hashed: list[str] = []

    def counted(source: SourceFile, max_file_bytes: int):  # type: ignore[no-untyped-def]
        hashed.append(source.rel)
        return stamp(source, max_file_bytes)

    monkeypatch.setattr(stampindex, "stamp", counted)
    return hashed


def test_unchanged_files_are_not_read_again(store: LintCache, monkeypatch: pytest.MonkeyPatch) -> None:
    files = _files(store.root, old=True)
    hashed = _counting(monkeypatch)
    first = stampindex.indexed_stamps(store, files, 1000)
    assert hashed == ["a.yaml", "b.yaml"]
    assert stampindex.indexed_stamps(store, files, 1000) == first
    assert hashed == ["a.yaml", "b.yaml"]  # the second run read nothing


def test_a_change_that_keeps_size_and_mtime_is_still_seen(store: LintCache, monkeypatch: pytest.MonkeyPatch) -> None:
    files = _files(store.root, old=True)
    before = stampindex.indexed_stamps(store, files, 1000)
    path = files[0].path
    times = path.stat()
    time.sleep(0.01)
    path.write_text("a.yaml: 2\n", encoding="utf-8")  # same size
    os.utime(path, ns=(times.st_atime_ns, times.st_mtime_ns))  # mtime put back; ctime moves on
    after = stampindex.indexed_stamps(store, files, 1000)
    assert after["a.yaml"] == stamp(files[0], 1000) and after["a.yaml"] != before["a.yaml"]
    assert after["b.yaml"] == before["b.yaml"]


def test_files_modified_just_before_the_index_was_written_are_hashed_again(
    store: LintCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _files(store.root, old=False)  # modified now: racy
    stampindex.indexed_stamps(store, files, 1000)
    hashed = _counting(monkeypatch)
    stampindex.indexed_stamps(store, files, 1000)
    assert hashed == ["a.yaml", "b.yaml"]


def test_too_big_and_missing_files_have_no_stamp(store: LintCache) -> None:
    files = _files(store.root, old=True)
    files.append(SourceFile("gone.yaml", store.root / "gone.yaml"))
    stamps = stampindex.indexed_stamps(store, files, 5)
    assert stamps == {"a.yaml": None, "b.yaml": None, "gone.yaml": None}


@pytest.mark.parametrize("unsaved", [0, 8])
def test_a_run_that_hashed_few_files_again_leaves_the_index(
    store: LintCache, monkeypatch: pytest.MonkeyPatch, unsaved: int
) -> None:
    """A pre-commit run after an edit does not rewrite every file's entry; the edited file is hashed again next time."""
    monkeypatch.setattr(stampindex, "REHASHED_UNSAVED", unsaved)
    files = _files(store.root, old=True)
    stampindex.indexed_stamps(store, files, 1000)
    files[0].path.write_text("a.yaml: 22\n", encoding="utf-8")
    past = time.time_ns() - 30_000_000_000
    os.utime(files[0].path, ns=(past, past))
    hashed = _counting(monkeypatch)
    edited = stampindex.indexed_stamps(store, files, 1000)
    again = stampindex.indexed_stamps(store, files, 1000)
    assert edited == again and edited["a.yaml"] == stamp(files[0], 1000)
    assert hashed == (["a.yaml", "a.yaml"] if unsaved else ["a.yaml"])
