"""Team pages rendered by forked workers: the folder and the page cache end as one process would leave them."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from okrlint.cli import main
from okrlint.report import pagewriter
from okrlint.report.environment import render_template
from paths import REPO


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def org(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The example organisation (two periods, five teams) in a folder of its own, the cwd."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    root = tmp_path / "org"
    shutil.copytree(REPO / "okrs", root / "okrs")
    cwd = Path.cwd()
    os.chdir(root)
    yield root
    os.chdir(cwd)


def _report(out: Path, *options: str) -> int:
    return main(["report", "--format", "html", "--out", str(out), "--as-of", "2026-11-15", "--no-progress", *options])


def _parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    """Share even a handful of team pages with a worker, one page per task, on any machine."""
    monkeypatch.setattr(pagewriter, "PARALLEL_MIN_PAGES", 2)
    monkeypatch.setattr(pagewriter, "_CHUNK", 1)
    monkeypatch.setattr(pagewriter, "cpus", lambda: 2)


def test_pages_rendered_by_workers_are_the_pages_one_process_renders(
    org: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _report(tmp_path / "serial", "--no-cache") == 0
    _parallel(monkeypatch)
    assert _report(tmp_path / "parallel", "--no-cache") == 0
    expected = _snapshot(tmp_path / "serial")
    assert any(name.startswith("periods/") for name in expected)  # the other period's pages are shared too
    assert _snapshot(tmp_path / "parallel") == expected


def test_stale_pages_are_removed_after_a_parallel_run(
    org: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _parallel(monkeypatch)
    out = tmp_path / "site"
    assert _report(out, "--no-cache") == 0
    (out / "teams" / "gone.html").write_text("<p>an earlier run's team</p>", encoding="utf-8")
    assert _report(out, "--no-cache") == 0
    assert not (out / "teams" / "gone.html").exists()
    assert len(list((out / "teams").glob("*.html"))) == 5


def test_workers_fill_the_page_cache(org: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _parallel(monkeypatch)
    assert _report(tmp_path / "site", "--cache") == 0
    rendered: list[str] = []

    def spy(env: Any, name: str, context: Any) -> str:
        rendered.append(name)
        return render_template(env, name, context)

    monkeypatch.setattr(pagewriter, "PARALLEL_MIN_PAGES", 10**9)  # this process renders whatever is missing
    monkeypatch.setattr(pagewriter, "render_template", spy)
    assert _report(tmp_path / "site", "--cache") == 0
    assert "team.html.j2" not in rendered and rendered  # index pages always render; team pages came from the cache


def test_a_template_error_in_a_worker_is_a_one_line_error(
    org: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _parallel(monkeypatch)
    own = tmp_path / "templates"
    own.mkdir()
    team = (REPO / "templates" / "team.html.j2").read_text(encoding="utf-8")
    # Teams 0 and 1 render in this process; team 2, the first a worker renders, breaks.
    broken = "{% if team.id not in (teams[0].id, teams[1].id) %}{{ team.boom.bang() }}{% endif %}\n" + team
    (own / "team.html.j2").write_text(broken, encoding="utf-8")
    assert _report(tmp_path / "site", "--templates", str(own)) == 2
    err = capsys.readouterr().err
    assert "team.html.j2:1: template error" in err and "Traceback" not in err
