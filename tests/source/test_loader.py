"""Tests for okrlint.source.loader: one file → kind, schema-checked document or located problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from okrlint.source.files import SourceFile
from okrlint.source.loader import LoadedFile, load_file
from okrlint.source.yamlload import Limits

OKR_SET = "team: payments\nperiod: 2026-Q4\nobjectives: []\n"


def load(tmp_path: Path, data: str | bytes, name: str = "f.yaml", max_bytes: int = 100_000) -> LoadedFile:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return load_file(SourceFile(name, path), max_bytes, Limits())


def codes(loaded: LoadedFile) -> list[tuple[str, int, int]]:
    return [(p.code, p.line, p.column) for p in loaded.problems]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (OKR_SET, "objectives"),
        ("kpis: []\n", "kpis"),
        ("checkins: []\n", "checkins"),
        ("teams: []\n", "teams"),
    ],
)
def test_kind_comes_from_the_top_level_key(tmp_path: Path, text: str, kind: str) -> None:
    loaded = load(tmp_path, text)
    assert loaded.problems == ()
    assert loaded.kind == kind
    assert loaded.document is not None
    assert loaded.document.kind == kind
    assert loaded.document.path == "f.yaml"


def test_folder_does_not_decide_the_kind(tmp_path: Path) -> None:
    (tmp_path / "checkins").mkdir()
    loaded = load(tmp_path, "kpis: []\n", name="checkins/kpis.yaml")
    assert loaded.kind == "kpis"


def test_bom_and_crlf_load_with_exact_positions(tmp_path: Path) -> None:
    loaded = load(tmp_path, b"\xef\xbb\xbfkpis:\r\n  - id: nps\r\n    nmae: NPS\r\n")
    assert codes(loaded) == [("E002", 2, 5), ("E002", 3, 5)]
    assert "did you mean 'name'" in loaded.problems[1].message


def test_duplicate_key_refuses_the_document(tmp_path: Path) -> None:
    loaded = load(tmp_path, "team: a\nteam: b\nperiod: 2026-Q4\nobjectives: []\n")
    assert codes(loaded) == [("E003", 2, 1)]
    assert loaded.kind == "objectives"
    assert loaded.document is None


def test_syntax_error_is_e001(tmp_path: Path) -> None:
    loaded = load(tmp_path, "kpis: [\n")
    assert codes(loaded) == [("E001", 2, 1)]
    assert loaded.kind is None


def test_unsafe_tag_is_e006_and_runs_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    loaded = load(
        tmp_path, f"team: !!python/object/apply:os.system ['touch {marker}']\nperiod: 2026-Q4\nobjectives: []\n"
    )
    assert codes(loaded) == [("E006", 1, 7)]
    assert "!!python/object/apply:os.system" in loaded.problems[0].message
    assert not marker.exists()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", ("E007", 1, 1)),
        (b"\n\n  \n", ("E007", 1, 1)),
        (b"# just a comment\n# and another\n", ("E007", 1, 1)),
        (b"---\n", ("E007", 1, 1)),
        (b"kpis: []\n---\nteams: []\n", ("E007", 2, 1)),
        (b"- a\n- b\n", ("E007", 1, 1)),
        (b"just a string\n", ("E007", 1, 1)),
        (b"kpis: []\n\x00", ("E007", 2, 1)),
        (b"kpis: [\xe9]\n", ("E007", 1, 8)),
    ],
)
def test_unreadable_files_are_e007(tmp_path: Path, data: bytes, expected: tuple[str, int, int]) -> None:
    loaded = load(tmp_path, data)
    assert codes(loaded) == [expected]
    assert loaded.document is None


def test_empty_message(tmp_path: Path) -> None:
    assert "empty" in load(tmp_path, b"# nothing\n").problems[0].message


def test_top_level_not_a_mapping_says_what_it_is(tmp_path: Path) -> None:
    assert "a list, not a mapping" in load(tmp_path, "- a\n").problems[0].message


def test_unknown_top_level_key_is_e007(tmp_path: Path) -> None:
    loaded = load(tmp_path, "\ngoals:\n  - grow\n")
    assert codes(loaded) == [("E007", 2, 1)]
    assert "goals" in loaded.problems[0].message
    assert "objectives, kpis, checkins or teams" in loaded.problems[0].message


def test_unknown_extra_top_level_key_beside_a_known_one_is_e002(tmp_path: Path) -> None:
    loaded = load(tmp_path, OKR_SET + "titel: x\n")
    assert codes(loaded) == [("E002", 4, 1)]
    assert loaded.kind == "objectives"
    assert loaded.document is None


def test_over_max_file_bytes_is_e006(tmp_path: Path) -> None:
    loaded = load(tmp_path, OKR_SET, max_bytes=10)
    assert codes(loaded) == [("E006", 1, 1)]


def test_alias_bomb_is_e006(tmp_path: Path) -> None:
    lines = ["kpis: []", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, 8)]
    loaded = load(tmp_path, "\n".join(lines) + "\n")
    assert [p.code for p in loaded.problems] == ["E006"]


def test_suppressions_are_kept(tmp_path: Path) -> None:
    loaded = load(tmp_path, "# okrlint: disable-file=C101\n" + OKR_SET)
    assert loaded.suppressions.whole_file == ("C101",)


def test_csv_is_kept_as_text_for_later(tmp_path: Path) -> None:
    loaded = load(tmp_path, "date,kpi,value\n2026-10-01,nps,60\n", name="log.csv")
    assert loaded.kind == "checkins"
    assert loaded.document is None
    assert loaded.text == "date,kpi,value\n2026-10-01,nps,60\n"
    assert loaded.problems == ()


def test_the_located_tree_is_not_changed_by_validation(tmp_path: Path) -> None:
    # The schema gives `type` a default; validation must not write it into the document.
    loaded = load(tmp_path, "team: p\nperiod: 2026-Q4\nobjectives:\n  - id: a\n    title: Grow\n")
    assert loaded.document is not None
    objective = loaded.document.root["objectives"][0]
    assert set(objective) == {"id", "title"}
    assert set(objective.key_marks) == set(objective)
