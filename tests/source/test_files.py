"""Tests for okrlint.source.files: discovery and safe reading."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from okrlint.source.files import SourceFile, discover, read_text, relative_name


def write(path: Path, text: str | bytes = "kpis: []\n") -> Path:
    """Create ``path`` (and its folders) with ``text``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def rels(paths: list[Path], root: Path) -> list[str]:
    return [f.rel for f in discover(paths, root)]


def test_discovers_yaml_yml_and_csv_sorted(tmp_path: Path) -> None:
    for name in ("okrs/b.yaml", "okrs/a.yml", "okrs/sub/c.YAML", "okrs/log.csv", "okrs/notes.txt", "okrs/x.json"):
        write(tmp_path / name)
    assert rels([tmp_path / "okrs"], tmp_path) == ["okrs/a.yml", "okrs/b.yaml", "okrs/log.csv", "okrs/sub/c.YAML"]


def test_hidden_folders_and_files_are_skipped(tmp_path: Path) -> None:
    write(tmp_path / "okrs/.drafts/a.yaml")
    write(tmp_path / "okrs/sub/.git/b.yaml")
    write(tmp_path / "okrs/.hidden.yaml")
    write(tmp_path / "okrs/kept.yaml")
    assert rels([tmp_path / "okrs"], tmp_path) == ["okrs/kept.yaml"]


def test_repository_root_skips_config_and_pre_commit_files(tmp_path: Path) -> None:
    write(tmp_path / ".okrlint.yaml", "paths: [okrs]\n")
    write(tmp_path / ".pre-commit-config.yaml", "repos: []\n")
    write(tmp_path / "okrs/kpis.yaml")
    assert rels([tmp_path], tmp_path) == ["okrs/kpis.yaml"]


def test_an_explicit_hidden_file_is_read(tmp_path: Path) -> None:
    hidden = write(tmp_path / "okrs/.draft.yaml")
    assert rels([hidden], tmp_path) == ["okrs/.draft.yaml"]


def test_a_folder_named_like_a_yaml_file_is_walked_not_read(tmp_path: Path) -> None:
    write(tmp_path / "okrs/x.yaml/inner.yaml")
    assert rels([tmp_path / "okrs"], tmp_path) == ["okrs/x.yaml/inner.yaml"]
    assert rels([tmp_path / "okrs/x.yaml"], tmp_path) == ["okrs/x.yaml/inner.yaml"]


def test_explicit_files_and_duplicates(tmp_path: Path) -> None:
    a = write(tmp_path / "okrs/a.yaml")
    write(tmp_path / "okrs/notes.md")
    assert rels([a, tmp_path / "okrs", a, tmp_path / "okrs/notes.md"], tmp_path) == ["okrs/a.yaml"]


@pytest.mark.skipif(os.name == "nt", reason="symlinks")
def test_symlinks_out_of_the_repository_are_not_followed(tmp_path: Path) -> None:
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    write(outside / "secret.yaml")
    write(repo / "okrs/real.yaml")
    (repo / "okrs/link.yaml").symlink_to(outside / "secret.yaml")
    (repo / "okrs/linkdir").symlink_to(outside, target_is_directory=True)
    assert rels([repo / "okrs"], repo) == ["okrs/real.yaml"]
    assert rels([repo / "okrs/link.yaml"], repo) == []


@pytest.mark.skipif(os.name == "nt", reason="symlinks")
def test_symlinks_inside_the_repository_are_read(tmp_path: Path) -> None:
    write(tmp_path / "shared/kpis.yaml")
    write(tmp_path / "okrs/real.yaml")
    (tmp_path / "okrs/kpis.yaml").symlink_to(tmp_path / "shared/kpis.yaml")
    assert rels([tmp_path / "okrs"], tmp_path) == ["okrs/kpis.yaml", "okrs/real.yaml"]


def test_relative_name_uses_slashes_and_keeps_outside_paths(tmp_path: Path) -> None:
    assert relative_name(tmp_path / "okrs" / "a.yaml", tmp_path) == "okrs/a.yaml"
    assert relative_name(Path("/elsewhere/a.yaml"), tmp_path) == "/elsewhere/a.yaml"


# --- reading --------------------------------------------------------------------------------------


def read(tmp_path: Path, data: bytes, max_bytes: int = 1000) -> tuple[str | None, object]:
    path = write(tmp_path / "okrs/f.yaml", data)
    return read_text(SourceFile("okrs/f.yaml", path), max_bytes)


def test_utf8_and_bom(tmp_path: Path) -> None:
    assert read(tmp_path, "kpis: [é]\n".encode()) == ("kpis: [é]\n", None)
    assert read(tmp_path, b"\xef\xbb\xbfkpis: []\n") == ("kpis: []\n", None)


def test_crlf_is_kept_for_the_parser(tmp_path: Path) -> None:
    assert read(tmp_path, b"kpis: []\r\n") == ("kpis: []\r\n", None)


@pytest.mark.parametrize(
    ("data", "line", "column"),
    [
        (b"kpis:\n  - id: \xff\n", 2, 9),
        (b"\xef\xbb\xbfkpis:\n  - id: \xff\n", 2, 9),
        ("kpis: [é, ".encode() + b"\xc3(]\n", 1, 11),
        (b"\xff\xfek\x00", 1, 1),  # UTF-16
    ],
)
def test_non_utf8_is_e007_at_the_bad_byte(tmp_path: Path, data: bytes, line: int, column: int) -> None:
    text, problem = read(tmp_path, data)
    assert text is None
    assert (problem.code, problem.line, problem.column) == ("E007", line, column)  # type: ignore[attr-defined]
    assert "UTF-8" in problem.message  # type: ignore[attr-defined]


def test_nul_byte_is_e007(tmp_path: Path) -> None:
    text, problem = read(tmp_path, b"teams: []\nab\x00\n")
    assert text is None
    assert (problem.code, problem.line, problem.column) == ("E007", 2, 3)  # type: ignore[attr-defined]


def test_file_over_max_bytes_is_e006_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "okrs/big.yaml", "kpis: []\n" + "#" * 2000 + "\n")

    def refuse(self: Path) -> bytes:
        raise AssertionError("the file was read although it is too large")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    text, problem = read_text(SourceFile("okrs/big.yaml", path), 1000)
    assert text is None
    assert (problem.code, problem.line, problem.column) == ("E006", 1, 1)  # type: ignore[union-attr]
    assert "max_file_bytes (1000)" in problem.message  # type: ignore[union-attr]


def test_file_at_exactly_max_bytes_is_read(tmp_path: Path) -> None:
    data = b"kpis: []\n"
    assert read(tmp_path, data, max_bytes=len(data))[0] == "kpis: []\n"


def test_unreadable_file_is_e007(tmp_path: Path) -> None:
    missing = tmp_path / "okrs/gone.yaml"
    text, problem = read_text(SourceFile("okrs/gone.yaml", missing), 1000)
    assert text is None
    assert problem.code == "E007"  # type: ignore[union-attr]


def test_a_walked_folder_that_leads_out_is_refused_as_a_whole(tmp_path: Path) -> None:
    """The walk checks the folder it starts from once: a repository folder that is a link out yields nothing."""
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    (outside / "sub").mkdir(parents=True)
    (outside / "sub" / "secret.yaml").write_text("x: 1\n")
    repo.mkdir()
    (repo / "okrs").symlink_to(outside, target_is_directory=True)
    assert discover([repo / "okrs"], repo) == []
    assert [f.rel for f in discover([outside], repo)] == [(outside / "sub" / "secret.yaml").as_posix()]


def test_walked_names_match_relative_name(tmp_path: Path) -> None:
    (tmp_path / "okrs" / "a b" / "c").mkdir(parents=True)
    for name in ("okrs/x.yaml", "okrs/a b/y.YML", "okrs/a b/c/z.csv"):
        (tmp_path / name).write_text("x: 1\n")
    (tmp_path / "okrs" / "link.yaml").symlink_to(tmp_path / "okrs" / "x.yaml")
    found = discover([tmp_path / "okrs"], tmp_path)
    assert [(f.rel, f.rel == relative_name(f.path, tmp_path)) for f in found] == [
        ("okrs/a b/c/z.csv", True),
        ("okrs/a b/y.YML", True),
        ("okrs/link.yaml", True),
        ("okrs/x.yaml", True),
    ]


@pytest.mark.skipif(os.name == "nt", reason="symlinks and fifos")
def test_the_walk_reads_regular_files_only(tmp_path: Path) -> None:
    """A fifo or a linked folder named like a YAML file is neither read nor walked into."""
    write(tmp_path / "okrs/real.yaml")
    write(tmp_path / "shared/inner/x.yaml")
    os.mkfifo(tmp_path / "okrs/pipe.yaml")
    (tmp_path / "okrs/folder.yaml").symlink_to(tmp_path / "shared", target_is_directory=True)
    assert rels([tmp_path / "okrs"], tmp_path) == ["okrs/real.yaml"]
