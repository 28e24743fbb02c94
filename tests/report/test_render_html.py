"""Tests for the HTML scorecard: golden pages, escaping, self-containment, structure and folder safety."""

from __future__ import annotations

import copy
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from golden import check_golden
from okrlint import __version__
from okrlint.cli import main
from okrlint.report.html import MARKER, write_html
from okrlint.util.errors import UserError
from paths import TESTS

DATA = TESTS / "data"
SCENARIO = DATA / "scenario"
AS_OF = "2026-11-23"
SVG_NS = "http://www.w3.org/2000/svg"
HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '"><svg onload=alert(1)>',
    "a | b `code` **x**",
    "javascript:alert(1)",
]


def fixture_data() -> dict[str, Any]:
    """Return the hand-written report data fixture."""
    data: dict[str, Any] = json.loads((DATA / "report_fixture.json").read_text(encoding="utf-8"))
    return data


class Page(HTMLParser):
    """Collect the elements, attributes and text of an HTML page."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


@pytest.fixture(scope="module")
def scenario_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Write the fixed scenario's HTML scorecard once for the module."""
    out = tmp_path_factory.mktemp("site") / "scorecard"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(SCENARIO)
        assert main(["report", "--as-of", AS_OF, "--format", "html", "--out", str(out)]) == 0
    return out


@pytest.mark.parametrize("page", ["index.html", "teams/web.html"])
def test_golden_html(request: pytest.FixtureRequest, scenario_site: Path, page: str) -> None:
    text = (scenario_site / page).read_text(encoding="utf-8")
    check_golden(request, page.replace("/", "-"), text.replace(__version__, "VERSION"))


def test_site_has_index_team_pages_and_marker(scenario_site: Path) -> None:
    names = sorted(p.relative_to(scenario_site).as_posix() for p in scenario_site.rglob("*") if p.is_file())
    assert names == [MARKER, "history.html", "index.html", "teams/care.html", "teams/hq.html", "teams/web.html"]


def test_pages_link_to_each_other(scenario_site: Path) -> None:
    index = Page((scenario_site / "index.html").read_text(encoding="utf-8"))
    links = {a["href"] for a in index.all("a")}
    assert {"teams/hq.html", "teams/web.html", "teams/care.html"} <= links
    assert "teams/web.html#obj-fast-app" in links
    team = Page((scenario_site / "teams/web.html").read_text(encoding="utf-8"))
    links = {a["href"] for a in team.all("a")}
    assert {"../index.html", "hq.html", "care.html", "hq.html#obj-loyal-customers"} <= links
    for href in links:
        target = str(href).split("#")[0]
        if target:
            assert (scenario_site / "teams" / target).resolve().is_file(), href


@pytest.mark.parametrize("page", ["index.html", "teams/hq.html", "teams/web.html", "teams/care.html"])
def test_pages_are_self_contained(scenario_site: Path, page: str) -> None:
    text = (scenario_site / page).read_text(encoding="utf-8")
    assert not re.search(r"https?://", text.replace(SVG_NS, "")), "no URL but the SVG namespace"
    parsed = Page(text)
    for tag, attrs in parsed.tags:
        assert tag not in ("script", "link", "iframe", "img", "object", "embed", "base"), tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            if name in ("src", "href", "srcset", "action", "xlink:href"):
                assert not re.match(r"\s*([a-z][a-z0-9+.-]*:|//)", str(value), re.IGNORECASE), (tag, name, value)
    assert "@import" not in text and "url(" not in text
    csp = [m for m in parsed.all("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in str(csp[0]["content"])


def test_index_shows_org_teams_tree_and_kpis(scenario_site: Path) -> None:
    text = (scenario_site / "index.html").read_text(encoding="utf-8")
    page = Page(text)
    words = " ".join(" ".join(page.text).split())
    assert "Northwind Ltd." in words and "53%" in words
    for name in ("Web &amp; Apps", "Customer Care"):
        assert name in text
    tree = text[text.index('class="tree"') :]
    assert tree.index("Win customers who stay with us") < tree.index("Make the app feel instant")
    assert "First reply time (median)" in words and "≤ 6 hours" in words
    assert text.count('class="chart sparkline"') == 3
    assert "Healthy" in words and "Breached" in words


def test_team_page_has_kr_rows_charts_and_words(scenario_site: Path) -> None:
    text = (scenario_site / "teams/web.html").read_text(encoding="utf-8")
    page = Page(text)
    words = " ".join(" ".join(page.text).split())
    assert text.count('<tbody class="kr"') == 6
    assert text.count('class="chart kr-chart"') == 6
    assert "2,400 ms → 1,600 ms → 1,200 ms" in words
    for word in ("On track", "Off track", "At risk", "No data", "Committed", "Aspirational"):
        assert word in words
    assert "Android crash in the payment sheet" in words  # latest note
    assert "chart-forecast" in text  # dashed line to the forecast


@pytest.mark.parametrize("page", ["index.html", "teams/web.html"])
def test_tables_are_semantic(scenario_site: Path, page: str) -> None:
    text = (scenario_site / page).read_text(encoding="utf-8")
    tables = re.findall(r"<table.*?</table>", text, re.DOTALL)
    assert tables
    for table in tables:
        assert "<caption>" in table
        assert 'th scope="col"' in table and 'th scope="row"' in table


def test_styles_cover_dark_print_phone_and_colour_blind_palette(scenario_site: Path) -> None:
    text = (scenario_site / "index.html").read_text(encoding="utf-8")
    for needle in ("prefers-color-scheme: dark", "@media print", "max-width: 680px", "#0072b2", "#e69f00", "#d55e00"):
        assert needle in text


def test_hostile_text_is_escaped(tmp_path: Path) -> None:
    data = fixture_data()
    for team in data["teams"]:
        team["name"] = HOSTILE[0]
        objective = team["objectives"][0]
        objective["title"] = HOSTILE[1]
        kr = objective["key_results"][0]
        kr["title"], kr["unit"] = HOSTILE[2], HOSTILE[3]
        kr["checkins"][-1]["note"] = HOSTILE[4] + HOSTILE[0]
    data["kpis"][0]["name"], data["kpis"][0]["unit"] = HOSTILE[1], HOSTILE[0]
    write_html(data, tmp_path / "out")
    for path in (tmp_path / "out").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "<script" not in text and "<img" not in text and "<svg onload" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
        assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in text or "&lt;img src=x onerror=&quot;" in text
        page = Page(text)
        for tag, attrs in page.tags:
            assert not any(name.startswith("on") for name in attrs), (path, tag, attrs)
            assert not str(attrs.get("href", "")).startswith("javascript"), (path, attrs)


def test_refuses_a_folder_okrlint_did_not_create(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(UserError, match="not empty and was not written by okrlint"):
        write_html(fixture_data(), out)
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]


def test_refuses_a_file_as_out(tmp_path: Path) -> None:
    out = tmp_path / "file.html"
    out.write_text("x", encoding="utf-8")
    with pytest.raises(UserError, match="is a file"):
        write_html(fixture_data(), out)


def test_empty_folder_is_claimed_and_reruns_remove_stale_team_pages(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    write_html(fixture_data(), out)
    assert (out / MARKER).is_file() and (out / "teams/support.html").is_file()
    (out / "extra.txt").write_text("kept", encoding="utf-8")
    data = fixture_data()
    data["teams"] = data["teams"][:2]
    write_html(data, out)
    assert sorted(p.name for p in (out / "teams").iterdir()) == ["company.html", "product.html"]
    assert (out / "extra.txt").read_text(encoding="utf-8") == "kept"
    assert "support.html" not in (out / "index.html").read_text(encoding="utf-8")


def test_team_ids_cannot_escape_the_folder(tmp_path: Path) -> None:
    data = fixture_data()
    data["teams"][1]["id"] = "../../evil"
    with pytest.raises(UserError, match="cannot name a page"):
        write_html(data, tmp_path / "out")
    assert not (tmp_path / "out").exists() and not (tmp_path / "evil.html").exists()


def test_symlinked_teams_folder_is_not_followed_outside(tmp_path: Path) -> None:
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    write_html(fixture_data(), out)
    elsewhere.mkdir()
    for page in (out / "teams").iterdir():
        page.unlink()
    (out / "teams").rmdir()
    (out / "teams").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(UserError, match="refusing to write outside"):
        write_html(fixture_data(), out)
    assert list(elsewhere.iterdir()) == []


def test_progress_callback_counts_every_page(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    write_html(fixture_data(), tmp_path / "out", progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_template_error_writes_nothing(tmp_path: Path) -> None:
    templates = tmp_path / "t"
    templates.mkdir()
    (templates / "team.html.j2").write_text("{{ team.name }}{{ team.missing }}", encoding="utf-8")
    with pytest.raises(UserError, match=r"template team\.html\.j2:1: template error: .*missing"):
        write_html(fixture_data(), tmp_path / "out", templates=templates)
    assert not (tmp_path / "out").exists()


def test_override_a_partial_and_sandbox_a_user_template(tmp_path: Path) -> None:
    templates = tmp_path / "t"
    templates.mkdir()
    (templates / "_kr_row.html.j2").write_text("<tbody><tr><td>{{ kr.title }} custom</td></tr></tbody>\n", "utf-8")
    write_html(fixture_data(), tmp_path / "out", templates=templates)
    assert "Grow ARR from $5M to $7M custom" in (tmp_path / "out/teams/company.html").read_text(encoding="utf-8")
    (templates / "index.html.j2").write_text("{{ ().__class__.__base__.__subclasses__() }}", "utf-8")
    with pytest.raises(UserError, match="sandbox refused"):
        write_html(fixture_data(), tmp_path / "out2", templates=templates)


def test_cli_sandbox_violation_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    templates = tmp_path / "t"
    templates.mkdir()
    (templates / "team.html.j2").write_text("{% for c in ''.__class__.__mro__[1].__subclasses__() %}{% endfor %}")
    monkeypatch.chdir(SCENARIO)
    code = main(["report", "--as-of", AS_OF, "--out", str(tmp_path / "o"), "--templates", str(templates)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("okrlint: error: template team.html.j2:1: the template sandbox refused it")
    assert err.count("\n") == 1


def test_empty_org_renders(tmp_path: Path) -> None:
    data = copy.deepcopy(fixture_data())
    data["teams"], data["kpis"], data["score"] = [], [], None
    write_html(data, tmp_path / "out")
    assert "No objectives to show." in (tmp_path / "out/index.html").read_text(encoding="utf-8")
