"""HTML reports reuse cached team pages, and a report from the cache is the report of an uncached run.

A seeded random walk edits, adds, deletes and renames files of a generated organisation
(and retitles objectives and teams, which other pages show); after every step the HTML
folder written with the cache (the same folder each time, so stale pages and unchanged
pages are exercised) is byte-identical to one written with ``--no-cache``. Links planted in
the pages layer are never followed.
"""

from __future__ import annotations

import os
import random
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_hostile_cache import snapshot
from test_incremental import DATES, STEPS, _add_linked_kr, _files

from okrlint.cli import main
from okrlint.engine.cache import CACHE_DIR
from okrlint.report.environment import render_template


def _report(root: Path, out: Path, as_of: str, *options: str) -> tuple[int, dict[str, bytes | str]]:
    """Run ``okrlint report --format html`` in ``root``; return its exit code and the folder written."""
    cwd = Path.cwd()
    os.chdir(root)
    try:
        code = main(["report", "--format", "html", "--out", str(out), "--as-of", as_of, "--no-progress", *options])
    finally:
        os.chdir(cwd)
    return code, snapshot(out) if out.exists() else {}


def _retitle(rng: random.Random, root: Path) -> None:
    """Change one objective, KR or team title or name: other teams' pages and the navigation show them."""
    path = rng.choice([p for p in _files(root) if "checkins" not in p.parts])
    text = path.read_text(encoding="utf-8")
    found = list(re.finditer(r"^(\s+(?:- )?(?:title|name): )(.+)$", text, re.MULTILINE))
    if found:
        match = rng.choice(found)
        text = f"{text[: match.start(2)]}{match.group(2)} v{rng.randrange(100)}{text[match.end(2) :]}"
        path.write_text(text, encoding="utf-8")


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Record the name of every template the HTML report renders."""
    names: list[str] = []

    def spy(env: Any, name: str, context: Any) -> str:
        names.append(name)
        return render_template(env, name, context)

    monkeypatch.setattr("okrlint.report.html.render_template", spy)
    monkeypatch.setattr("okrlint.report.pagewriter.render_template", spy)
    monkeypatch.setattr("okrlint.report.pagewriter.PARALLEL_MIN_PAGES", 10**9)  # workers' renders are not seen here
    yield names


@pytest.mark.parametrize("seed", [1, 2])
def test_reports_from_the_cache_equal_uncached_reports_after_random_edits(org: Path, tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    _add_linked_kr(rng, org)
    cached_out = tmp_path / "site-cached"
    for step in range(10):
        rng.choice([*STEPS, _retitle, _retitle])(rng, org)
        as_of = rng.choice(DATES).isoformat()
        expected = _report(org, tmp_path / "site-cold", as_of, "--no-cache")  # the same folder, as the cached one
        for _ in range(2):  # the second run takes every team page from the cache
            assert _report(org, cached_out, as_of, "--cache") == expected, step


def test_a_second_report_renders_only_the_pages_of_what_changed(org: Path, tmp_path: Path, rendered: list[str]) -> None:
    out = tmp_path / "site"
    assert _report(org, out, "2026-12-31")[0] == 0
    assert rendered.count("team.html.j2") == 5  # the root team and 4 teams
    rendered.clear()
    assert _report(org, out, "2026-12-31")[0] == 0
    assert rendered.count("team.html.j2") == 0
    log = org / "okrs" / "2026-Q4" / "checkins" / "team-0002.yaml"
    text = log.read_text(encoding="utf-8")
    last = re.findall(r"^    value: (\S+)$", text, re.MULTILINE)[-1]
    log.write_text(text[: text.rindex(f"value: {last}")] + "value: 1\n", encoding="utf-8")
    _, written = _report(org, out, "2026-12-31")
    assert rendered.count("team.html.j2") == 1
    assert written == _report(org, tmp_path / "cold", "2026-12-31", "--no-cache")[1]


def test_the_pages_layer_holds_one_entry_per_team_page(org: Path, tmp_path: Path) -> None:
    for day in ("2026-11-20", "2026-12-01", "2026-12-31"):  # every page changes with the date
        _report(org, tmp_path / "site", day)
    entries = [p for p in (org / CACHE_DIR / "v1" / "pages").rglob("*") if p.is_file()]
    assert len(entries) == 5  # the root team and 4 teams, whatever was rendered before


def test_pages_no_report_used_for_a_week_are_swept_and_reused_pages_stay(org: Path, tmp_path: Path) -> None:
    """A page of an earlier okrlint (or a gone team) goes after a week; reusing a page marks it used."""
    _report(org, tmp_path / "site", "2026-12-31")
    layer = org / CACHE_DIR / "v1" / "pages"
    pages = sorted(p for p in layer.rglob("*") if p.is_file())
    month_ago = time.time() - 30 * 24 * 3600
    stale, fresh = layer / "ab" / ("ab" * 16), layer / "cd" / ("cd" * 16)
    for entry in (stale, fresh):
        entry.parent.mkdir(exist_ok=True)
        entry.write_bytes(b"a page of an earlier version")
    for entry in (stale, *pages):
        os.utime(entry, (month_ago, month_ago))
    _report(org, tmp_path / "site", "2026-12-31")  # every team page reused from the cache
    assert not stale.exists() and fresh.exists()
    assert all(page.exists() and page.stat().st_mtime > month_ago + 3600 for page in pages)
    _report(org, tmp_path / "site", "2026-12-31", "--no-cache")  # a run without the cache sweeps nothing
    assert fresh.exists()


def test_templates_are_never_served_from_the_cache(org: Path, tmp_path: Path, rendered: list[str]) -> None:
    own = tmp_path / "templates"
    own.mkdir()
    (own / "_kr_row.html.j2").write_text("<tbody><tr><td>{{ kr.title }} custom</td></tr></tbody>\n", encoding="utf-8")
    _report(org, tmp_path / "site", "2026-12-31")
    rendered.clear()
    _, written = _report(org, tmp_path / "site", "2026-12-31", "--templates", str(own))
    assert rendered.count("team.html.j2") == 5
    assert any(b" custom</td>" in page for page in written.values() if isinstance(page, bytes))


def test_an_unchanged_page_is_not_rewritten(org: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    _report(org, out, "2026-12-31")
    page = out / "teams" / "team-0001.html"
    os.utime(page, ns=(1_000_000_000, 1_000_000_000))
    _report(org, out, "2026-12-31")
    assert page.stat().st_mtime_ns == 1_000_000_000


@pytest.mark.parametrize("plant", ["layer", "prefixes", "entries"])
def test_links_in_the_pages_layer_are_never_followed(org: Path, tmp_path: Path, plant: str) -> None:
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "precious.txt").write_text("precious\n", encoding="utf-8")
    expected = _report(org, tmp_path / "cold", "2026-12-31", "--no-cache")
    pages = org / CACHE_DIR / "v1" / "pages"
    if plant == "layer":
        pages.parent.mkdir(parents=True)
        pages.symlink_to(victim, target_is_directory=True)
    elif plant == "prefixes":
        pages.mkdir(parents=True)
        for prefix in range(256):
            (pages / f"{prefix:02x}").symlink_to(victim, target_is_directory=True)
    else:
        _report(org, tmp_path / "site", "2026-12-31")
        entries = [p for p in pages.rglob("*") if p.is_file()]
        assert entries
        for entry in entries:
            entry.unlink()
            entry.symlink_to(victim / "precious.txt")
    before = snapshot(victim)
    for _ in range(2):
        assert _report(org, tmp_path / "site", "2026-12-31") == expected
    assert snapshot(victim) == before


def test_a_retitled_objective_renders_the_page_of_the_objective_it_supports(org: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    _report(org, out, "2026-12-31")
    okrs = org / "okrs" / "2026-Q4" / "team-0001.yaml"
    text = okrs.read_text(encoding="utf-8")
    renamed = re.sub(r"^(    title: )(.+)$", r"\1Renamed objective", text, count=1, flags=re.MULTILINE)
    okrs.write_text(renamed, encoding="utf-8")
    _, written = _report(org, out, "2026-12-31")
    assert b"Renamed objective" in written["teams/company.html"]  # "Supported by" on the root team's page
    assert written == _report(org, tmp_path / "cold", "2026-12-31", "--no-cache")[1]
