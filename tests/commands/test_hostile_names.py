"""File and folder names that are not UTF-8 are written escaped (``\\xNN``) in every format, never exit 3 (SPEC §7)."""

from __future__ import annotations

import json
import os
import re
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote

import jsonschema
import pytest

from git_helpers import commit, init_repo
from okrlint.cli import main
from paths import TESTS

AS_OF = "2026-11-23"
SARIF_SCHEMA = json.loads((TESTS / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
BROKEN = os.fsdecode(b"okrs/bad\xff.yaml")
FOLDER = os.fsdecode(b"okrs/caf\xe9")
SHOWN = ("okrs/bad\\xff.yaml", "okrs/caf\\xe9/dup.yaml")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh ``okrlint init`` git repository with a broken file and a folder whose names are not UTF-8."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    root = tmp_path / "repo"
    assert main(["init", str(root), "--as-of", AS_OF]) == 0
    init_repo(root)
    commit(root, "init")
    (root / BROKEN).write_text("teams: [\n", encoding="utf-8")
    (root / FOLDER).mkdir()
    (root / FOLDER / "dup.yaml").write_text("kpis:\n  - id: k\n    id: k2\n    name: K\n", encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def _check(text: str, names: tuple[str, ...] = SHOWN) -> None:
    """The output names both files escaped and holds no raw surrogate or replacement character."""
    text.encode("utf-8")  # raises on a lone surrogate
    assert "\ufffd" not in text
    for shown in names:
        assert shown in text or json.dumps(shown)[1:-1] in text, text[:2000]


@pytest.mark.parametrize("format_", ["text", "json", "github", "sarif"])
@pytest.mark.parametrize("to_file", [False, True])
def test_lint_writes_undecodable_names_escaped(
    repo: Path, format_: str, to_file: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["lint", "--format", format_, "--as-of", AS_OF] + (["--output", "out.txt"] if to_file else [])
    assert main(args) == 1
    captured = capsys.readouterr()
    text = (repo / "out.txt").read_text(encoding="utf-8") if to_file else captured.out
    _check(text, tuple(quote(name) for name in SHOWN) if format_ == "sarif" else SHOWN)
    assert "Traceback" not in captured.err and "internal error" not in captured.err
    if format_ == "json":
        assert {f["path"] for f in json.loads(text)["findings"]} >= set(SHOWN)
    if format_ == "sarif":
        log = json.loads(text)
        jsonschema.validate(log, SARIF_SCHEMA)
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
        assert {"okrs/bad%5Cxff.yaml", "okrs/caf%5Cxe9/dup.yaml"} <= uris


def test_lint_of_an_undecodable_path_argument(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A non-UTF-8 path passed as pre-commit does shows only that file's findings, escaped."""
    assert main(["lint", "--format", "json", "--as-of", AS_OF, BROKEN]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert {f["path"] for f in findings} == {SHOWN[0]}


@pytest.mark.parametrize("format_", ["md", "json"])
def test_diff_writes_undecodable_names_escaped(repo: Path, format_: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "HEAD", "--format", format_, "--as-of", AS_OF, "--output", "diff.out"]) == 1
    assert "internal error" not in capsys.readouterr().err
    _check((repo / "diff.out").read_text(encoding="utf-8"))
    commit(repo, "names")  # the names are in both revisions now, read back from git
    assert main(["diff", "HEAD~1", "HEAD", "--format", format_, "--as-of", AS_OF]) == 1
    _check(capsys.readouterr().out)


@pytest.mark.parametrize("format_", ["md", "json", "html"])
def test_report_with_undecodable_names(repo: Path, format_: str, capsys: pytest.CaptureFixture[str]) -> None:
    """An OKR set in a folder that is not UTF-8 is reported; the broken files are named escaped on stderr."""
    okrs = next(p for p in (repo / "okrs").rglob("*.yaml") if "objectives:" in p.read_text(encoding="utf-8"))
    moved = repo / FOLDER / "set.yaml"
    okrs.rename(moved)
    out = os.fsdecode(b"site\xfe") if format_ == "html" else os.fsdecode(b"report\xfe.out")
    assert main(["report", "--format", format_, "--as-of", AS_OF, "--out", out]) == 0
    err = capsys.readouterr().err
    assert SHOWN[0] in err and "internal error" not in err
    written = (repo / out / "index.html") if format_ == "html" else repo / out
    text = written.read_text(encoding="utf-8")
    text.encode("utf-8")
    if format_ == "json":
        assert json.loads(text)["teams"][0]["path"] == "okrs/caf\\xe9/set.yaml"


def test_checkin_into_a_log_with_an_undecodable_name(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The row lands in the log whatever its name; the confirmation names it escaped."""
    log = next(p for p in (repo / "okrs").rglob("checkins/*.yaml"))
    renamed = log.with_name(os.fsdecode(b"log\xff.yaml"))
    log.rename(renamed)
    (repo / BROKEN).unlink()
    text = renamed.read_text(encoding="utf-8")
    ref = "company/" + text.split("kr: ", 1)[1].split("\n", 1)[0]
    day = (date.fromisoformat(AS_OF) - timedelta(days=1)).isoformat()  # AS_OF already has a value (one a day)
    assert main(["checkin", ref, "5", "--date", day]) == 0
    out = capsys.readouterr().out
    assert re.match(r"okrs/2026-Q4/checkins/log\\xff\.yaml:\d+: added \{date: ", out), out
    assert renamed.read_text(encoding="utf-8").count("kr: ") == text.count("kr: ") + 1
