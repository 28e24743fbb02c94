"""Tests for the history (SPEC §4 History, §5.1 every period): json, Markdown and the HTML site of every period."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from golden import check_golden
from okrlint import __version__
from okrlint.cli import main
from okrlint.util.resources import load_schema
from paths import REPO, TESTS

HISTORY = TESTS / "data" / "history"
AS_OF = "2026-11-23"


def report(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """Run ``okrlint report`` on the three-quarter scenario and return stdout."""
    monkeypatch.chdir(HISTORY)
    assert main(["report", "--as-of", AS_OF, "--no-cache", *args]) == 0
    return capsys.readouterr().out


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Write the scenario's HTML site once for the module."""
    out = tmp_path_factory.mktemp("history") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(HISTORY)
        assert main(["report", "--as-of", AS_OF, "--no-cache", "--format", "html", "--out", str(out)]) == 0
    return out


def test_json_history_scores_each_period_as_of_its_end(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data: dict[str, Any] = json.loads(report(monkeypatch, capsys, "--format", "json", "--history"))
    jsonschema.validate(data, load_schema("report"))
    history = {entry["period"]: entry for entry in data["history"]}
    assert list(history) == ["2026-Q2", "2026-Q3", "2026-Q4"]
    assert [h["as_of"] for h in history.values()] == ["2026-06-30", "2026-09-30", AS_OF]
    # Q2: nps 26 of 20 -> 30 = 0.6, reviews 180 of 100 -> 200 = 0.8; hq 0.7, the only team.
    assert history["2026-Q2"]["score"] == pytest.approx(0.7)
    assert history["2026-Q2"]["teams"] == [
        {"id": "hq", "name": "Northwind Ltd.", "score": pytest.approx(0.7), "grade": "green"}
    ]
    # Q3 as of Sep 30 (the 2026-10-20 row is Q4's): nps 41 past stretch 40 = 1.0, reviews 310 >= 300 = 1.0;
    # web load-time 2400: commit 2600 (0.3) -> target 2000 (1.0, no stretch) = 0.3 + 200/600 * 0.7; dark mode 1.0.
    web_q3 = (0.3 + 200 / 600 * 0.7 + 1.0) / 2
    assert history["2026-Q3"]["score"] == pytest.approx((1.0 + web_q3) / 2)
    assert history["2026-Q3"]["counts"] == {
        "teams": 2,
        "objectives": 2,
        "key_results": 4,
        "objectives_achieved": 2,  # hq committed at 1.0; web aspirational at 0.77 >= 0.7
        "status_counts": {"done": 3, "on-track": 0, "at-risk": 1, "off-track": 0, "no-data": 0},
        "zone_counts": {"fail": 0, "commit": 1, "target": 0, "stretch": 1},
    }
    assert history["2026-Q4"]["score"] == pytest.approx(data["score"])  # the current period as of --as-of
    assert data["periods"][-1] == {"id": "2026-Q4", "start": "2026-10-01", "end": "2026-12-31", "current": True}


def test_json_history_follows_carried_krs_and_kpis(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(report(monkeypatch, capsys, "--format", "json", "--history"))
    chains = {chain["ref"]: chain for chain in data["carried"]}
    assert list(chains) == ["hq/loved/nps", "web/fast/load-time"]
    nps = chains["hq/loved/nps"]["periods"]
    assert [(s["period"], s["current"], s["zone"]) for s in nps] == [
        ("2026-Q2", 26, None),
        ("2026-Q3", 41, "stretch"),
        ("2026-Q4", 48, "fail"),
    ]
    kpis = {k["id"]: [(s["period"], s["latest"], s["health"]) for s in k["periods"]] for k in data["kpi_history"]}
    assert kpis["uptime"] == [
        ("2026-Q2", 99.95, "healthy"),
        ("2026-Q3", 99.7, "breached"),
        ("2026-Q4", 99.92, "healthy"),
    ]


def test_json_without_history_has_no_history_keys(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(report(monkeypatch, capsys, "--format", "json"))
    assert not {"history", "periods", "carried", "kpi_history"} & set(data)


def test_team_filter_keeps_the_periods_where_the_team_has_okrs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(report(monkeypatch, capsys, "--format", "json", "--history", "--team", "web"))
    assert [(h["period"], [t["id"] for t in h["teams"]]) for h in data["history"]] == [
        ("2026-Q3", ["web"]),
        ("2026-Q4", ["web"]),
    ]


def test_golden_history_markdown(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = report(monkeypatch, capsys, "--format", "md", "--history")
    check_golden(request, "history.md", text.replace(__version__, "VERSION"))


def test_golden_history_html(request: pytest.FixtureRequest, site: Path) -> None:
    text = (site / "history.html").read_text(encoding="utf-8")
    check_golden(request, "history.html", text.replace(__version__, "VERSION"))


def test_site_has_every_period(site: Path) -> None:
    names = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert names == [
        "history.html",
        "index.html",
        "periods/2026-Q2/index.html",
        "periods/2026-Q2/teams/hq.html",
        "periods/2026-Q3/index.html",
        "periods/2026-Q3/teams/hq.html",
        "periods/2026-Q3/teams/web.html",
        "teams/hq.html",
        "teams/web.html",
    ]
    past = (site / "periods/2026-Q3/teams/web.html").read_text(encoding="utf-8")
    assert "Team scorecard · 2026-Q3" in past
    assert "Cut median page load from 3000 ms to 2000 ms" in past
    assert "zone: commit" in past


def test_every_switcher_link_resolves(site: Path) -> None:
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        switcher = re.search(r'<nav class="periods".*?</nav>', text, re.S)
        assert switcher is not None, page
        links = re.findall(r'href="([^"]+)"', switcher.group())
        assert len(links) == 4, page  # three periods and the history
        for link in links:
            assert not link.startswith(("/", "http")), link
            assert (page.parent / link).resolve().is_file(), (page, link)


def test_a_rerun_drops_pages_of_periods_that_are_gone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "site"
    monkeypatch.chdir(HISTORY)
    assert main(["report", "--as-of", AS_OF, "--no-cache", "--format", "html", "--out", str(out)]) == 0
    assert (out / "periods/2026-Q2/teams/hq.html").is_file()
    assert main(["report", "--as-of", AS_OF, "--no-cache", "--format", "html", "--out", str(out), "--team", "web"]) == 0
    assert not (out / "periods/2026-Q2/teams/hq.html").exists()
    assert not (out / "periods/2026-Q3/teams/hq.html").exists()
    assert (out / "periods/2026-Q3/teams/web.html").is_file()


def test_bundled_organisation_has_a_closed_quarter_carried_krs_and_zones(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(REPO)
    assert main(["report", "okrs", "--as-of", AS_OF, "--no-cache", "--format", "json", "--history"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(h["period"], h["as_of"]) for h in data["history"]] == [("2026-Q3", "2026-09-30"), ("2026-Q4", AS_OF)]
    q3 = data["history"][0]["counts"]
    assert q3["teams"] >= 3 and q3["status_counts"]["no-data"] == 0  # closed, with check-ins for every KR
    assert len(data["carried"]) >= 5
    assert all([s["period"] for s in chain["periods"]] == ["2026-Q3", "2026-Q4"] for chain in data["carried"])
    assert sum(data["summary"]["zone_counts"].values()) >= 3  # zones on a few current KRs
    assert sum(q3["zone_counts"].values()) >= 2


def test_templates_folder_replaces_the_history_templates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "history.md.j2").write_text(
        "{% for e in entries %}{{ e.period }}={{ e.score|percent }};{% endfor %}\n", encoding="utf-8"
    )
    text = report(monkeypatch, capsys, "--format", "md", "--history", "--templates", str(tmp_path))
    assert text.strip() == "2026-Q2=70%;2026-Q3=88%;2026-Q4=47%;"


def test_period_folders_are_safe_file_names_and_unique() -> None:
    from okrlint.report.history_view import period_links

    periods = [
        {"id": "2026-Q3", "current": False},
        {"id": "Sprint 12", "current": False},
        {"id": "Sprint/12", "current": False},
        {"id": "../..", "current": False},
        {"id": "2026-Q4", "current": True},
    ]
    paths = [link["path"] for link in period_links({"periods": periods})]
    assert paths == ["periods/2026-Q3/", "periods/Sprint-12/", "periods/Sprint-12-2/", "periods/period/", ""]


@pytest.mark.parametrize(("as_of", "scored"), [(AS_OF, ["2026-Q4", "2026-Q2", "2026-Q3"]), ("2027-02-01", None)])
def test_the_reported_period_is_scored_once_unless_its_history_is_as_of_its_end(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], as_of: str, scored: list[str] | None
) -> None:
    import okrlint.report.data as data_module

    periods: list[str] = []
    real = data_module.team_scores

    def spy(repo: Any, period: Any, *args: Any, **kwargs: Any) -> Any:
        periods.append(period.id)
        return real(repo, period, *args, **kwargs)

    monkeypatch.setattr(data_module, "team_scores", spy)
    monkeypatch.setattr("okrlint.report.history.team_scores", spy)
    monkeypatch.chdir(HISTORY)
    assert main(["report", "--as-of", as_of, "--no-cache", "--format", "json", "--history"]) == 0
    # After its end (2027-02-01), Q4's history entry is scored as of Dec 31, the report as of --as-of: twice.
    assert periods == (scored or ["2026-Q4", "2026-Q2", "2026-Q3", "2026-Q4"])
    assert json.loads(capsys.readouterr().out)["history"][-1]["period"] == "2026-Q4"
