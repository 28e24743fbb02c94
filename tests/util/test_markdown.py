"""okrlint's one Markdown escaper: whatever the text holds, it stays inert inline text (SPEC §5.1, §7)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from git_helpers import commit, init_repo, write
from okrlint.cli import main
from okrlint.util.markdown import escape_markdown

ZWSP = "\u200b"
BREAKS = "\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029"
NASTY = [*list("|<>`@[]!*_~#$\\&-+=:./ w1"), "<!--", "-->", "<img src=x>", "@user", "![a](b)", "[a](b)", "\r", "\n"]
TEXT = st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=3)), max_size=30).map("".join)
# CommonMark: a backslash escapes ASCII punctuation only; an entity needs its closing ";".
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_ENTITY = re.compile(r"&#?[A-Za-z0-9]+;")


def unescape(markdown: str) -> str:
    """Return the characters GitHub shows for escaped text: escapes and entities resolved (in one pass)."""
    return re.sub(
        r"\\([!-/:-@\[-`{-~])|&#?[A-Za-z0-9]+;",
        lambda m: m[1] if m[1] is not None else html.unescape(m[0]),
        markdown.replace(ZWSP, ""),
    )


def unescaped(markdown: str) -> str:
    """Return the text with every backslash-escaped character removed (what syntax could see)."""
    return _ESCAPED.sub("", markdown)


@given(TEXT)
def test_nothing_in_the_text_can_become_markdown_or_html(text: str) -> None:
    out = escape_markdown(text)
    assert not any(c in out for c in BREAKS), "a line break ends a table row"
    assert not re.search(r"<[A-Za-z/!?]", out), "an HTML tag or comment could open"
    bare = unescaped(out)
    assert not any(c in bare for c in "|`"), bare  # no table cell, no code span
    assert not re.search(r"(?<!\\)(?:\\\\)*\][(\[:]", out), out  # no link, image or reference definition
    assert not re.search(r"\*(?!\s)|(?<!\s)\*", bare), bare  # no emphasis by *
    assert not re.search(r"(?<![^\W_])_|_(?![^\W_])", bare), bare  # no emphasis by _
    for paired in "~$":
        assert paired not in bare or text.count(paired) < 2, bare  # no strikethrough, no math
    assert not re.search(r"\\\Z", bare), "a trailing backslash would escape what follows"
    assert not re.search(r"&(?!amp;|lt;)#?[A-Za-z0-9]+;", out), "no entity but okrlint's own"
    assert all(out[i + 1 : i + 2] == ZWSP for i, c in enumerate(out) if c == "@"), "a user could be mentioned"
    assert "://" not in out and "www." not in out.lower(), "an autolink could form"
    assert not re.match(r"[ \t]*(?:[-+=>](?:\s|\Z)|#{1,6}(?:\s|\Z)|>|\d{1,9}[.)](?:\s|\Z))", out), "a block could start"


@given(TEXT)
def test_escaped_text_shows_exactly_its_characters(text: str) -> None:
    visible = re.sub(f"[{BREAKS}]+", " ", text)  # every run of breaks shows as one space
    visible = re.sub("[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", "", visible.replace("\t", " "))
    assert " ".join(unescape(escape_markdown(text)).split()) == " ".join(visible.split())


@given(st.lists(TEXT, min_size=1, max_size=4))
def test_a_table_row_keeps_its_cells(cells: list[str]) -> None:
    row = "| " + " | ".join(escape_markdown(c, "<br>") for c in cells) + " |"
    assert "\n" not in row and unescaped(row).count("|") == len(cells) + 1


def test_plain_text_stays_readable() -> None:
    assert escape_markdown("Raise NPS from 60 to 75 (2.5% a month)!") == "Raise NPS from 60 to 75 (2.5% a month)!"
    assert escape_markdown("a\r\nb", "<br>") == "a<br>b"
    assert escape_markdown("@dana ![x](y) <!-- z") == f"@{ZWSP}dana ![x\\](y) &lt;!-- z"
    # minimal: what GitHub would not render as syntax stays as written (the raw file reads well)
    assert escape_markdown("R&D, p95 < 400 ms, $5M, snake_case, 2 * 3, [p95]") == (
        "R&D, p95 < 400 ms, $5M, snake_case, 2 * 3, [p95]"
    )
    assert escape_markdown("&amp; from $5M to $8M ~~x~~") == "&amp;amp; from \\$5M to \\$8M \\~\\~x\\~\\~"


@pytest.mark.parametrize(
    "name",
    ["a\rb|c.yaml", "x|y|z.yaml", "<!-- hide.yaml", "<img src=x onerror=alert(1)>.yaml", "@octocat [a](b).yaml"],
)
def test_diff_md_keeps_a_hostile_file_name_inert(
    tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = init_repo(tmp_path / "repo")
    write(repo, ".okrlint.yaml", "paths: [okrs]\n")
    write(repo, "okrs/teams.yaml", "teams:\n  - {id: company, name: Company}\n")
    commit(repo, "base")
    write(repo, f"okrs/{name}", "teams: [\n")
    write(repo, "okrs/zz-later.yaml", "teams: [\n")
    monkeypatch.chdir(repo)
    assert main(["diff", "HEAD", "--format", "md", "--as-of", "2026-11-23"]) == 1  # new errors
    out = capsys.readouterr().out
    rows = [line for line in out.split("\n") if line.startswith("| ")]
    assert len(rows) == 3 and all(unescaped(row).count("|") == 5 for row in rows), rows  # header + two findings
    assert "zz-later.yaml" in rows[-1] or "zz-later.yaml" in rows[-2]
    assert "\r" not in out and "<!--" not in out and "<img" not in out and "@octocat" not in out
