"""Nothing okrlint writes is ever half-written, outside its target, or lost to a concurrent writer (SPEC §7).

Faults are injected through ``okrlint.util.atomic._before_replace``, which runs after the temporary
file is complete and before the rename: an interrupted run must leave the old file byte for
byte, and no temporary file behind.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from okrlint.cli import main
from okrlint.source.yamlload import load_yaml
from okrlint.util import atomic
from tools import checkins_at_once

AS_OF = "2026-11-23"
OKRS = """\
team: shop
period: 2026-Q4
owner: lee@example.com
objectives:
  - id: checkout
    title: Make checkout effortless
    key_results:
      - {id: latency, title: Cut p95 latency from 1200 ms to 400 ms, baseline: 1200, target: 400, unit: ms}
      - {id: one-click, title: Ship one-click checkout, milestone: true}
"""
LOG = """\
# Shop check-ins: comments and order must survive every edit.
team: shop
checkins:
  - {date: 2026-10-05, kr: checkout/latency, value: 1180}   # first
"""


class Crash(Exception):
    """The simulated failure between writing the temporary file and renaming it."""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small repository with one OKR set and one check-in log; the current folder."""
    (tmp_path / "okrs" / "checkins").mkdir(parents=True)
    (tmp_path / "okrs" / "shop.yaml").write_text(OKRS, encoding="utf-8")
    (tmp_path / "okrs" / "checkins" / "shop.yaml").write_text(LOG, encoding="utf-8")
    (tmp_path / ".okrlint.yaml").write_text("paths: [okrs]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def crash(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Make every atomic write fail after its temporary file is complete; collect the temporaries."""
    seen: list[Path] = []

    def fail(temp: Path, target: Path) -> None:
        assert temp.read_bytes(), "the temporary file should be complete when the fault strikes"
        seen.append(temp)
        raise Crash(f"simulated crash before replacing {target.name}")

    monkeypatch.setattr(atomic, "_before_replace", fail)
    return seen


def snapshot(root: Path) -> dict[str, bytes]:
    """Return every file under ``root`` (relative name → bytes), symlinks as their target."""
    found: dict[str, bytes] = {}
    for path in sorted(root.rglob("*")):
        name = path.relative_to(root).as_posix()
        if name.startswith(".okrlint_cache"):
            continue
        if path.is_symlink():
            found[name] = b"-> " + os.readlink(path).encode()
        elif path.is_file():
            found[name] = path.read_bytes()
    return found


def no_temporaries(root: Path) -> None:
    """Assert no temporary or lock file was left behind."""
    left = [p for p in root.rglob("*") if p.name.endswith((".tmp", ".lock")) and ".okrlint_cache" not in p.parts]
    assert left == []


@pytest.mark.parametrize(
    "args",
    [
        ["checkin", "shop/checkout/latency", "1100", "--date", "2026-10-12"],
        ["checkin", "shop/checkout/one-click", "true", "--date", "2026-10-12", "--note", "shipped"],
        ["lint", "--as-of", AS_OF, "--output", "lint.txt"],
        ["report", "--format", "md", "--as-of", AS_OF, "--out", "report.md"],
        ["report", "--format", "json", "--as-of", AS_OF, "--out", "report.json"],
        ["report", "--format", "html", "--as-of", AS_OF, "--out", "site"],
    ],
    ids=["checkin-metric", "checkin-milestone", "lint-output", "report-md", "report-json", "report-html"],
)
def test_a_crash_before_the_rename_leaves_the_old_files(
    repo: Path, crash: list[Path], args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Every writing command, interrupted after its temporary file: old content intact, nothing left over."""
    for name in ("lint.txt", "report.md", "report.json"):
        (repo / name).write_text(f"old {name}\n", encoding="utf-8")
    before = snapshot(repo)
    code = main(args)
    err = capsys.readouterr().err
    assert code == 3 and "simulated crash" in err and "Traceback" not in err
    assert crash, "the command did not write through okrlint.util.atomic"
    assert snapshot(repo) == before
    no_temporaries(repo)


def test_html_report_crash_on_a_later_page_keeps_every_earlier_page_whole(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash while writing the second page: the first page is the new one, the rest are the old ones."""
    assert main(["report", "--format", "html", "--as-of", AS_OF, "--out", "site"]) == 0
    pages = {p: p.read_bytes() for p in (repo / "site").rglob("*.html")}
    writes: list[Path] = []

    def fail_second(temp: Path, target: Path) -> None:
        writes.append(target)
        if len(writes) == 2:
            raise Crash("simulated crash")

    monkeypatch.setattr(atomic, "_before_replace", fail_second)
    (repo / "okrs" / "shop.yaml").write_text(OKRS.replace("effortless", "effortless again"), encoding="utf-8")
    assert main(["report", "--format", "html", "--as-of", AS_OF, "--out", "site"]) == 3
    for page, old in pages.items():
        text = page.read_text(encoding="utf-8")
        assert text.rstrip().endswith("</html>"), page
        assert page.read_bytes() == old or "effortless again" in text
    no_temporaries(repo)


def test_init_interrupted_leaves_whole_files_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``okrlint init`` stopped on its third file: the first two are complete, the rest absent."""
    writes: list[Path] = []

    def fail_third(temp: Path, target: Path) -> None:
        writes.append(target)
        if len(writes) == 3:
            raise Crash("simulated crash")

    monkeypatch.setattr(atomic, "_before_replace", fail_third)
    assert main(["init", str(tmp_path / "new"), "--as-of", AS_OF]) == 3
    written = [p for p in (tmp_path / "new").rglob("*") if p.is_file()]
    assert sorted(written) == sorted(writes[:2])
    for path in written:
        if path.suffix in (".yaml", ".yml"):
            assert load_yaml(path.read_text(encoding="utf-8")).problems == [], path
    no_temporaries(tmp_path)


def test_report_refuses_to_clear_a_folder_it_did_not_create(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--out`` naming someone's folder: exit 2 and every file in it untouched."""
    (repo / "docs").mkdir()
    (repo / "docs" / "index.html").write_text("<p>mine</p>", encoding="utf-8")
    (repo / "docs" / "teams").mkdir()
    (repo / "docs" / "teams" / "old.html").write_text("<p>also mine</p>", encoding="utf-8")
    before = snapshot(repo)
    assert main(["report", "--format", "html", "--as-of", AS_OF, "--out", "docs"]) == 2
    assert "was not written by okrlint" in capsys.readouterr().err
    assert snapshot(repo) == before


def test_report_never_writes_through_a_symlinked_teams_folder(
    repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A committed ``site/teams`` symlink (with okrlint's marker) cannot make the report write or prune outside."""
    outside = tmp_path_factory.mktemp("outside")
    (outside / "precious.html").write_text("keep me", encoding="utf-8")
    assert main(["report", "--format", "html", "--as-of", AS_OF, "--out", "site"]) == 0
    for page in (repo / "site" / "teams").iterdir():
        page.unlink()
    (repo / "site" / "teams").rmdir()
    (repo / "site" / "teams").symlink_to(outside, target_is_directory=True)
    index = (repo / "site" / "index.html").read_bytes()
    assert main(["report", "--format", "html", "--as-of", AS_OF, "--out", "site"]) == 2
    assert [p.name for p in outside.iterdir()] == ["precious.html"]
    assert (repo / "site" / "index.html").read_bytes() == index  # refused before writing anything


@pytest.mark.parametrize("link", ["file", "folder"])
def test_checkin_never_writes_through_a_symlink_out_of_the_repository(
    repo: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str], link: str
) -> None:
    """A log (or its folder) that is a symlink leading outside: refused, nothing copied in or out."""
    outside = tmp_path_factory.mktemp("outside")
    secret = "team: shop\ncheckins:\n  - {date: 2026-10-01, kr: checkout/latency, value: 1, note: SECRET-42}\n"
    (outside / "shop.yaml").write_text(secret, encoding="utf-8")
    log = repo / "okrs" / "checkins" / "shop.yaml"
    if link == "file":
        log.unlink()
        log.symlink_to(outside / "shop.yaml")
    else:
        log.unlink()
        log.parent.rmdir()
        log.parent.symlink_to(outside, target_is_directory=True)
    before, outside_before = snapshot(repo), snapshot(outside)
    assert main(["checkin", "shop/checkout/latency", "1100", "--date", "2026-10-12"]) == 2
    err = capsys.readouterr().err
    assert "symbolic link" in err and "SECRET-42" not in err
    assert snapshot(repo) == before and snapshot(outside) == outside_before


def test_concurrent_checkins_never_lose_a_row(repo: Path) -> None:
    """Eight ``okrlint checkin`` processes on one log: each lands or fails cleanly; no row is lost."""
    results = checkins_at_once(repo, [(str(1000 + n), f"2026-10-{10 + n:02d}") for n in range(8)])
    landed = {1000 + n for n, (code, _) in enumerate(results) if code == 0}
    for code, err in results:
        assert code in (0, 2) and "Traceback" not in err, err
        assert code == 0 or "another okrlint checkin" in err, err
    text = (repo / "okrs" / "checkins" / "shop.yaml").read_text(encoding="utf-8")
    assert text.startswith(LOG)  # the comment, the old row and its comment are kept
    rows = load_yaml(text).root["checkins"]
    assert sorted(row["value"] for row in rows[1:]) == sorted(landed)
    assert len(landed) >= 1
    no_temporaries(repo)
