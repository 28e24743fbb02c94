"""``okrlint lint - --stdin-filename PATH``: unsaved editor text linted in the context of the repository."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from okrlint.cli import main

OKR_SET = """\
team: payments
period: 2026-Q4
owner: dana@example.com
objectives:
  - id: checkout
    title: Make checkout effortless
    key_results:
      - {id: latency, title: Cut p95 latency from 1200 ms to 400 ms, baseline: 1200, target: 400, unit: ms}
"""
LOG = "team: payments\ncheckins:\n  - {date: 2026-10-12, kr: checkout/latency, value: 1100}\n"
BROKEN_LOG = "team: payments\ncheckins:\n  - {date: 2026-10-12, kr: checkout/nope, value: 1100}\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with one OKR set and one check-in log, as the current folder."""
    (tmp_path / ".git").mkdir()
    folder = tmp_path / "okrs/2026-Q4"
    (folder / "checkins").mkdir(parents=True)
    (folder / "payments.yaml").write_text(OKR_SET, encoding="utf-8")
    (folder / "checkins/payments.yaml").write_text(LOG, encoding="utf-8")
    (tmp_path / "okrs/other.yaml").write_text("kpis:\n  - {id: a, name: A}\n", encoding="utf-8")  # Q304
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def lint_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], text: str | bytes, *args: str
) -> tuple[int, str, str]:
    data = text.encode() if isinstance(text, str) else text
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code = main(["lint", "-", *args, "--select", "E,T,S2,Q304", "--as-of", "2026-10-20"])
    out, err = capsys.readouterr()
    return code, out, err


def test_stdin_text_replaces_the_file_and_only_its_findings_show(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = {p: p.read_bytes() for p in repo.rglob("*") if p.is_file()}
    edited = OKR_SET.replace("title: Make", "titel: Make")
    code, out, _ = lint_stdin(monkeypatch, capsys, edited, "--stdin-filename", "okrs/2026-Q4/payments.yaml")
    assert code == 1
    assert out.splitlines() == [
        "okrs/2026-Q4/payments.yaml:5:5: E002 [error] objectives[0]: missing required key 'title'",
        "okrs/2026-Q4/payments.yaml:6:5: E002 [error] objectives[0]: unknown key 'titel' (did you mean 'title'?)",
        "Found 2 problems (2 errors, 0 warnings, 0 infos) in 1 file.",
    ]
    # nothing written: no file changed, no cache folder
    assert {p: p.read_bytes() for p in repo.rglob("*") if p.is_file()} == before


def test_the_repository_gives_the_context(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = "okrs/2026-Q4/checkins/payments.yaml"
    assert lint_stdin(monkeypatch, capsys, LOG, "--stdin-filename", path)[:2] == (
        0,
        "Found 0 problems (0 errors, 0 warnings, 0 infos) in 1 file.\n",
    )
    code, out, _ = lint_stdin(monkeypatch, capsys, BROKEN_LOG, "--stdin-filename", path)
    assert code == 1
    assert out.startswith(f"{path}:3:") and "E005" in out
    # the KR the log names disappears when the stdin text of the OKR set drops it
    emptied = OKR_SET.replace("id: latency", "id: speed")
    code, out, _ = lint_stdin(monkeypatch, capsys, emptied, "--stdin-filename", "okrs/2026-Q4/payments.yaml")
    assert "E005" not in out  # findings of other files are not shown


def test_a_new_file_that_is_not_on_disk_yet(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = "date,kr,value\n2026-10-13,payments/checkout/nope,1000\n"
    code, out, _ = lint_stdin(monkeypatch, capsys, csv, "--stdin-filename", "okrs/2026-Q4/new.csv")
    assert code == 1
    assert out.startswith("okrs/2026-Q4/new.csv:2:") and " E005 " in out
    assert not (repo / "okrs/2026-Q4/new.csv").exists()


def test_bytes_are_checked_as_a_file_is(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = lint_stdin(monkeypatch, capsys, b"kpis: \xff\n", "--stdin-filename", "okrs/new.yaml")
    assert code == 1
    assert out.startswith("okrs/new.yaml:1:7: E007 [error] not UTF-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "--stdin-filename"),
        (("--stdin-filename", "../outside.yaml"), "outside the repository"),
        (("--stdin-filename", "okrs/notes.txt"), "*.yaml"),
    ],
)
def test_bad_stdin_use_is_a_usage_error(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    code, out, err = lint_stdin(monkeypatch, capsys, LOG, *args)
    assert (code, out) == (2, "")
    assert message in err


def test_stdin_filename_without_dash_is_refused(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "okrs", "--stdin-filename", "okrs/a.yaml"]) == 2
    assert "single path -" in capsys.readouterr().err
