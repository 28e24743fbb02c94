"""Render the HTML scorecard in headless Chromium: DOM, charts, screenshots, phone width, dark mode, no network."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from browser import Browser, Page, find_chromium, launch, png_stats
from okrlint.cli import main
from paths import TESTS

SCENARIO = TESTS / "data" / "scenario"
AXE = TESTS / "vendor" / "axe-core" / "axe.min.js"
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"  # axe-core 4.14.1, see its README
HISTORY = TESTS / "data" / "history"

pytestmark = pytest.mark.skipif(find_chromium() is None, reason="chromium is not installed (.ci/run installs it)")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Write the fixed scenario's scorecard."""
    out = tmp_path_factory.mktemp("browser") / "scorecard"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(SCENARIO)
        assert main(["report", "--as-of", "2026-11-23", "--format", "html", "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def history_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Write the three-quarter scenario's site: the current period, periods/<period>/ and history.html."""
    out = tmp_path_factory.mktemp("browser-history") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(HISTORY)
        assert main(["report", "--as-of", "2026-11-23", "--no-cache", "--format", "html", "--out", str(out)]) == 0
    return out


def switcher_links_resolve(page: Page) -> list[str]:
    """Return the switcher's link texts after checking that each link's target loads from file://."""
    links = page.evaluate("[...document.querySelectorAll('nav.periods a')].map(a => [a.textContent, a.href])")
    for _, href in links:
        assert href.startswith("file://"), href
        assert Path(href.removeprefix("file://")).is_file(), href
    return [text for text, _ in links]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One Chromium for the module."""
    with launch() as running:
        yield running


@pytest.fixture
def page(browser: Browser) -> Page:
    """A fresh tab at desktop size in light mode."""
    tab = browser.new_page()
    tab.viewport(1200, 900)
    return tab


def assert_only_local_requests(browser: Browser, page: Page) -> None:
    requests = browser.page_requests(page)
    assert requests, "the recorder saw no request at all"
    assert [url for url in requests if not url.startswith(("file://", "data:", "about:"))] == []


def assert_not_blank(png: bytes) -> None:
    stats = png_stats(png)
    assert stats.width >= 100 and stats.height >= 100
    assert stats.distinct_colours > 20 and stats.luma_stddev > 8, stats


def test_index_in_the_browser(browser: Browser, page: Page, site: Path) -> None:
    page.goto((site / "index.html").as_uri())
    assert page.evaluate("document.title") == "Northwind Ltd. · OKR scorecard 2026-Q4"
    teams = page.evaluate("[...document.querySelectorAll('table.teams tbody th a')].map(a => a.textContent)")
    assert teams == ["Northwind Ltd.", "Customer Care", "Web & Apps"]
    assert page.evaluate("document.querySelectorAll('.tree li').length") == 5
    assert page.evaluate("document.querySelectorAll('table.kpis svg.sparkline').length") == 3
    assert page.evaluate("getComputedStyle(document.querySelector('.donut')).backgroundImage").startswith("conic")
    assert_not_blank(page.screenshot(scale=0.25))
    assert_only_local_requests(browser, page)


def test_team_page_in_the_browser(browser: Browser, page: Page, site: Path) -> None:
    page.goto((site / "teams" / "web.html").as_uri())
    rows = page.evaluate("[...document.querySelectorAll('tbody.kr .kr-title')].map(e => e.textContent)")
    assert len(rows) == 6 and "Cut median page load from 2400 ms to 1200 ms" in rows
    charts = page.evaluate(
        "[...document.querySelectorAll('svg.kr-chart')].map(s => [s.getBoundingClientRect().width,"
        " s.querySelectorAll('circle.chart-point').length])"
    )
    assert len(charts) == 6 and all(width > 200 for width, _ in charts)
    assert charts[0][1] == 4  # four check-ins of load-time
    assert page.evaluate("document.querySelector('.topnav a[aria-current=page]').textContent") == "Web & Apps"
    statuses = page.evaluate("[...document.querySelectorAll('tbody.kr .pill')].map(e => e.textContent.trim())")
    assert all(any(w in s for w in ("On track", "At risk", "Off track", "Done", "No data")) for s in statuses)
    assert_not_blank(page.screenshot(scale=0.25))
    assert_only_local_requests(browser, page)


def test_history_page_in_the_browser(browser: Browser, page: Page, history_site: Path) -> None:
    page.goto((history_site / "history.html").as_uri())
    assert switcher_links_resolve(page) == ["2026-Q2", "2026-Q3", "2026-Q4", "History"]
    assert page.evaluate("document.querySelector('nav.periods a[aria-current=page]').textContent") == "History"
    assert page.evaluate("document.querySelectorAll('svg.history-chart').length") == 3  # org + two teams
    assert page.evaluate("document.querySelectorAll('svg.history-chart circle.chart-point').length") == 3 + 3 + 2
    assert page.evaluate("document.querySelectorAll('table.carried').length") == 2
    assert_not_blank(page.screenshot(scale=0.25))
    assert_only_local_requests(browser, page)


def test_past_period_team_page_in_the_browser(browser: Browser, page: Page, history_site: Path) -> None:
    page.goto((history_site / "periods" / "2026-Q3" / "teams" / "web.html").as_uri())
    assert switcher_links_resolve(page) == ["2026-Q2", "2026-Q3", "2026-Q4", "History"]
    assert page.evaluate("document.querySelector('nav.periods a[aria-current=page]').textContent") == "2026-Q3"
    rows = page.evaluate("[...document.querySelectorAll('tbody.kr .kr-title')].map(e => e.textContent)")
    assert rows == ["Cut median page load from 3000 ms to 2000 ms", "Ship dark mode to every user"]
    assert page.evaluate("document.querySelector('.zone').textContent") == "zone: commit"
    home = page.evaluate("document.querySelector('.topnav a.home').href")
    assert home.endswith("/periods/2026-Q3/index.html")
    assert_not_blank(page.screenshot(scale=0.25))
    assert_only_local_requests(browser, page)


def test_fits_a_phone_and_has_a_dark_mode(browser: Browser, page: Page, site: Path, history_site: Path) -> None:
    for where in (site / "index.html", site / "teams/web.html", history_site / "history.html"):
        page.viewport(390, 844, mobile=True)
        page.goto(where.as_uri())
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, where
    light = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.viewport(1200, 900, dark=True)
    page.goto((site / "index.html").as_uri())
    dark = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert light != dark
    channels = [int(c) for c in dark[dark.index("(") + 1 : -1].split(",")[:3]]
    assert max(channels) < 60, dark


def test_the_request_recorder_would_catch_a_network_request(browser: Browser, page: Page, tmp_path: Path) -> None:
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><p>hi</p><img src="http://example.invalid/pixel.png">', encoding="utf-8")
    page.goto(bad.as_uri())
    assert "http://example.invalid/pixel.png" in browser.page_requests(page)


# --- accessibility: an axe-core audit (WCAG 2.1 A/AA and best practices) --------------------------------


@pytest.fixture(scope="module")
def axe() -> str:
    """The vendored axe-core, checked against the hash noted when it was fetched."""
    data = AXE.read_bytes()
    assert hashlib.sha256(data).hexdigest() == AXE_SHA256
    return data.decode("utf-8")


@pytest.fixture(scope="module")
def new_quarter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The scorecard the day after ``okrlint init`` for a new quarter: every status "no data yet"."""
    root = tmp_path_factory.mktemp("new-quarter")
    assert main(["init", str(root / "repo"), "--as-of", "2027-01-01"]) == 0
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root / "repo")
        assert main(["report", "--as-of", "2027-01-02", "--format", "html", "--out", str(root / "site")]) == 0
    return root / "site"


def pages_of(site: Path) -> list[str]:
    """Return every page of a scorecard folder: the index and each team page."""
    return [p.relative_to(site).as_posix() for p in sorted(site.rglob("*.html"))]


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_every_page_passes_an_axe_audit(browser: Browser, site: Path, new_quarter: Path, axe: str, dark: bool) -> None:
    audited = []
    for folder in (site, new_quarter):
        names = pages_of(folder)
        assert "index.html" in names and any(name.startswith("teams/") for name in names)
        for name in names:
            tab = browser.new_page()
            tab.viewport(1200, 900, dark=dark)
            tab.goto((folder / name).as_uri())
            violations = tab.audit(axe)
            assert violations == [], f"{folder.name}/{name}: {violations}"
            audited.append(name)
    assert len(audited) == len(pages_of(site)) + len(pages_of(new_quarter))


def test_the_audit_would_catch_low_contrast(browser: Browser, page: Page, tmp_path: Path, axe: str) -> None:
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><html lang="en"><title>t</title><main><h1>Bad</h1>'
        '<p style="color:#aaa;background:#fff">faint</p></main>',
        encoding="utf-8",
    )
    page.goto(bad.as_uri())
    assert [v["id"] for v in page.audit(axe)] == ["color-contrast"]
