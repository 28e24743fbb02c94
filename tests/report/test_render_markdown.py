"""Tests for the Markdown scorecard: golden files, escaping, the compact summary, templates and the sandbox."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from golden import check_golden
from okrlint import __version__
from okrlint.cli import main
from okrlint.report.markdown import SUMMARY_LIMIT, md_escape, render_markdown, spark, text_bar
from okrlint.util.errors import UserError
from paths import TESTS

DATA = TESTS / "data"
SCENARIO = DATA / "scenario"
AS_OF = "2026-11-23"
HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "a | b || c",
    "`rm -rf /` and ```fence```",
    "**bold** _it_ [link](javascript:alert(1)) ![img](http://x/y.png)",
    "line one\nline two\r\n| new row |",
    "# heading",
    "- list item",
    "1. numbered",
    "&amp; &lt;b&gt;",
    "$x^2$ ~~strike~~ \\ backslash",
]


def fixture_data() -> dict[str, Any]:
    """Return the hand-written report data fixture."""
    data: dict[str, Any] = json.loads((DATA / "report_fixture.json").read_text(encoding="utf-8"))
    return data


def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``okrlint report`` on the fixed scenario; return exit code, stdout and stderr."""
    monkeypatch.chdir(SCENARIO)
    code = main(["report", "--as-of", AS_OF, *args])
    out, err = capsys.readouterr()
    return code, out, err


def unescaped_pipes(line: str) -> int:
    """Count the pipes GitHub would split a table row on."""
    return len(re.findall(r"(?<!\\)\|", line))


def table_rows(text: str) -> list[str]:
    """Return the table lines of a Markdown text."""
    return [line for line in text.splitlines() if line.startswith("|")]


@pytest.mark.parametrize(("name", "args"), [("report.md", ()), ("report-summary.md", ("--summary",))])
def test_golden_markdown(
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    args: tuple[str, ...],
) -> None:
    code, out, err = run(monkeypatch, capsys, "--format", "md", *args)
    assert (code, err) == (0, "")
    check_golden(request, name, out.replace(__version__, "VERSION"))


def test_markdown_shows_teams_krs_and_status_words(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(monkeypatch, capsys, "--format", "md")
    for text in ("## Web & Apps", "### Make the app feel instant", "Cut median page load from 2400 ms to 1200 ms"):
        assert text in out
    assert "2,400 ms → **1,600 ms** → 1,200 ms" in out
    assert "🟢 On track" in out and "✅ Done" in out and "🔴 Off track" in out
    assert "`███████░░░` 67%" in out  # 2400 -> 1600 of 2400 -> 1200
    # Every table row has as many cells as its header.
    for block in re.split(r"\n\n", out):
        rows = table_rows(block)
        if rows:
            assert {unescaped_pipes(row) for row in rows} == {unescaped_pipes(rows[0])}, block


@pytest.mark.parametrize("text", HOSTILE)
def test_md_escape_cannot_break_a_table_or_inject_html(text: str) -> None:
    escaped = str(md_escape(text))
    assert unescaped_pipes(escaped) == 0
    assert not re.search(r"<[A-Za-z/!?]", escaped)  # no tag, comment or autolink opens
    assert not re.search(r"&(?!amp;|lt;)#?[A-Za-z0-9]+;", escaped)  # no entity but ours
    assert "\n" not in escaped and "\r" not in escaped
    assert not re.search(r"(?<!\\)`", escaped)  # no code span
    assert not re.search(r"(?<!\\)\]\s*[(\[:]", escaped)  # no link, image or reference definition
    assert not re.search(r"(?<!\\)\*(?!\s)|(?<![\s\\])\*", escaped)  # no emphasis by *
    assert not re.search(r"(?<![\\A-Za-z0-9])_|(?<!\\)_(?![A-Za-z0-9])", escaped)  # no emphasis by _
    for paired in "~$":
        if text.count(paired) > 1:
            assert not re.search(rf"(?<!\\)\{paired}", escaped)  # no strikethrough, no math
    assert not re.match(r"\s*(#|>|[-+] |\d+[.)] )", escaped)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("Raise NPS from 60 to 75 (2.5% a month)", "Raise NPS from 60 to 75 (2.5% a month)"),
        ("-5 degrees", "-5 degrees"),
        ("Grow ARR from $5M", "Grow ARR from $5M"),  # one $ opens no math
        ("Web & Apps, R&D", "Web & Apps, R&D"),
        ("p95 < 400 ms, > 99.9% uptime", "p95 < 400 ms, > 99.9% uptime"),
        ("Rename snake_case_keys", "Rename snake_case_keys"),
        ("Cut [p95] latency by 2 * 100 ms", "Cut [p95] latency by 2 * 100 ms"),
        ("~5 days #1 priority", "~5 days #1 priority"),
        ("Grow ARR from $5M to $8M", "Grow ARR from \\$5M to \\$8M"),
        ("&amp; is an entity", "&amp;amp; is an entity"),
        ("a <b>bold</b> claim", "a &lt;b>bold&lt;/b> claim"),
        ("[docs](https://x) **now**", "[docs\\](https:\u200b//x) \\*\\*now\\*\\*"),  # no link, no autolink
        ("# not a heading", "\\# not a heading"),
        ("> not a quote", "\\> not a quote"),
        ("C:\\path\\*", "C:\\path\\\\\\*"),
    ],
)
def test_md_escape_is_minimal_so_the_raw_file_reads_well(text: str, escaped: str) -> None:
    assert md_escape(text) == escaped


def test_md_escape_folds_newlines() -> None:
    assert md_escape("a\nb", "<br>") == "a<br>b"
    assert md_escape("a\r\n  b") == "a b"


def test_hostile_titles_are_escaped_in_the_whole_report() -> None:
    data = fixture_data()
    kr = data["teams"][0]["objectives"][0]["key_results"][0]
    for n, text in enumerate(HOSTILE):
        data["teams"][n % 3]["objectives"][0]["title"] = text
        data["teams"][n % 3]["name"] = text
        kr["title"] = text
        kr["unit"] = text
        kr["checkins"][-1]["note"] = text
        for summary in (False, True):
            out = render_markdown(copy.deepcopy(data), summary=summary)
            assert "<script" not in out and "<img" not in out
            for block in re.split(r"\n\n", out):
                rows = table_rows(block)
                if rows:
                    assert {unescaped_pipes(row) for row in rows} == {unescaped_pipes(rows[0])}, block
            assert not re.search(r"^(#+ )?(-|\d+\.) ", out, re.MULTILINE), out


def big_org(teams: int) -> dict[str, Any]:
    """Return report data of a large org with long titles, built from the fixture's KRs."""
    data = fixture_data()
    template = data["teams"][1]
    data["teams"] = []
    for n in range(teams):
        team = copy.deepcopy(template)
        team["id"], team["name"] = f"team-{n}", f"Team number {n} " + "x" * 200
        for objective in team["objectives"]:
            objective["title"] += " " + "very long words " * 30
            for kr in objective["key_results"]:
                kr["title"] += " | " + "and more " * 40
        data["teams"].append(team)
    return data


def test_summary_fits_a_pr_comment_for_a_large_org_and_says_what_it_left_out() -> None:
    out = render_markdown(big_org(800), summary=True)
    assert len(out) <= SUMMARY_LIMIT < 65_536
    assert "more teams" in out and "Left out:" in out
    assert "okrlint report --format md" in out
    full = render_markdown(big_org(30))
    assert len(full) > len(render_markdown(big_org(30), summary=True))


def test_small_summary_lists_every_team_and_the_krs_needing_attention() -> None:
    out = render_markdown(fixture_data(), summary=True)
    assert "Product & Engineering" in out and "Customer Support & Onboarding" in out
    assert "### Needs attention" in out
    assert out.index("Reduce monthly logo churn") < out.index("Grow ARR")  # off-track first
    assert "more teams" not in out


def test_text_bar_and_spark() -> None:
    assert text_bar(0.5) == "█████░░░░░"
    assert text_bar(None) == "░" * 10
    assert text_bar(7.0) == "█" * 10
    assert spark([1, 2, 3]) == "▁▅█" and spark([4]) == ""


def write_template(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_templates_folder_overrides_by_name_and_still_escapes(tmp_path: Path) -> None:
    folder = write_template(tmp_path / "t", "report.md.j2", "{% for t in teams %}* {{ t.name }}\n{% endfor %}")
    data = fixture_data()
    data["teams"][0]["name"] = "<b>|x|</b>"
    assert render_markdown(data, templates=folder) == "* &lt;b>\\|x\\|&lt;/b>\n* Product & Engineering\n" + (
        "* Customer Support & Onboarding\n"
    )


def test_a_partial_can_be_overridden_alone(tmp_path: Path) -> None:
    folder = write_template(tmp_path / "t", "_teams_table.md.j2", "TEAMS TABLE REPLACED\n")
    out = render_markdown(fixture_data(), templates=folder)
    assert "TEAMS TABLE REPLACED" in out and "## Product & Engineering" in out


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "sandbox"),
        ("{{ teams.__class__ }}", "sandbox"),
        ("{% set x = cycler.__init__.__globals__ %}{{ x.os }}", "sandbox"),
        ("{{ teams.append(1) }}", "sandbox"),
        ("{% for t in teams %}\n{{ t.nope }}", "report.md.j2:2"),
        ("{% if %}", "syntax error"),
        ("{% include 'missing.j2' %}", "'missing.j2' not found"),
        ("{{ 1 / 0 }}", "ZeroDivisionError"),
    ],
)
def test_bad_or_malicious_templates_exit_2_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], template: str, message: str
) -> None:
    folder = write_template(tmp_path / "t", "report.md.j2", template)
    code, out, err = run(monkeypatch, capsys, "--format", "md", "--templates", str(folder))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("okrlint: error: template ")
    assert message in err
    assert "Traceback" not in err


def test_sandbox_violation_is_a_user_error_in_the_library(tmp_path: Path) -> None:
    folder = write_template(tmp_path / "t", "report.md.j2", "{{ ''.__class__.__subclasses__() }}")
    with pytest.raises(UserError, match=r"template report\.md\.j2:1: the template sandbox refused it: .*__class__"):
        render_markdown(fixture_data(), templates=folder)


def test_templates_must_be_a_folder(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="must name an existing folder"):
        render_markdown(fixture_data(), templates=tmp_path / "nope")


@pytest.mark.parametrize("linked", ["report.md.j2", "partials"])
def test_a_template_linked_out_of_its_folder_is_not_read(tmp_path: Path, linked: str) -> None:
    """SPEC §7: a template (or a folder of them) that is a link out of --templates is refused, not rendered."""
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "report.md.j2").write_text("SECRET-CANARY", encoding="utf-8")
    (secret / "inner.j2").write_text("SECRET-CANARY", encoding="utf-8")
    folder = tmp_path / "t"
    folder.mkdir()
    if linked == "partials":
        (folder / "partials").symlink_to(secret, target_is_directory=True)
        (folder / "report.md.j2").write_text("{% include 'partials/inner.j2' %}", encoding="utf-8")
    else:
        (folder / "report.md.j2").symlink_to(secret / "report.md.j2")
    with pytest.raises(UserError, match="is a symbolic link out of the templates folder"):
        render_markdown(fixture_data(), templates=folder)
