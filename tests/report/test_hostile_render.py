"""Hostile text in every field that reaches a scorecard: nothing runs, nothing injects, nothing hides.

Each free-text field of the YAML carries markup, a ``javascript:`` link, Jinja syntax, an
RTL override and a zero-width space, tagged with the field's name, and goes through the real
``okrlint report`` in Markdown and HTML.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from okrlint.cli import main

AS_OF = "2026-11-23"
FIELDS = [
    "orgname",
    "teamname",
    "kpiname",
    "kpiunit",
    "kpisource",
    "kpidesc",
    "periodid",
    "objtitle",
    "objdesc",
    "krtitle",
    "krunit",
    "krdesc",
    "milestonetitle",
    "author",
    "note",
    "kpinote",
    "oldkrtitle",
]
# Fields every scorecard must show, so the checks below cannot pass by showing nothing.
SHOWN = {
    "md": {"orgname", "objtitle", "krtitle", "krunit", "kpiname"},
    "html": {"orgname", "objtitle", "krtitle", "oldkrtitle"},
    "md-history": {"orgname", "teamname", "krtitle", "oldkrtitle", "periodid", "kpiname"},
}


def payload(field: str) -> str:
    """Return the hostile text for ``field``."""
    return (
        f'<script>alert("{field}")</script> <img src=x onerror=alert(1)> [{field}](javascript:alert(1)) '
        f"{{{{ 7*7 }}}} {{% if true %}}{field}{{% endif %}} \u202e{field}-rtl \u200b| *a* `b` _c_ # d"
    )


def q(field: str) -> str:
    """Return the payload of ``field`` as a YAML double-quoted scalar."""
    return json.dumps(payload(field), ensure_ascii=False)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository whose every free-text field is hostile."""
    root = tmp_path_factory.mktemp("render")
    okrs = root / "okrs"
    okrs.mkdir()
    (root / ".okrlint.yaml").write_text("paths: [okrs]\n", encoding="utf-8")
    (okrs / "teams.yaml").write_text(
        f"teams:\n  - {{id: company, name: {q('orgname')}}}\n"
        f"  - {{id: shop, name: {q('teamname')}, parent: company}}\n",
        encoding="utf-8",
    )
    (okrs / "kpis.yaml").write_text(
        f"kpis:\n  - id: nps\n    name: {q('kpiname')}\n    unit: {q('kpiunit')}\n    source: {q('kpisource')}\n"
        f"    description: {q('kpidesc')}\n    target: 60\n",
        encoding="utf-8",
    )
    for team, aligns in (("company", ""), ("shop", "    aligns: company/grow\n")):
        (okrs / f"{team}.yaml").write_text(
            f"team: {team}\nperiod: {{id: {q('periodid')}, start: 2026-10-01, end: 2026-12-31}}\n"
            f"objectives:\n  - id: grow\n    title: {q('objtitle')}\n    description: {q('objdesc')}\n{aligns}"
            f"    key_results:\n      - id: rev\n        title: {q('krtitle')}\n        baseline: 1\n"
            f"        target: 2\n        unit: {q('krunit')}\n        kpi: nps\n        description: {q('krdesc')}\n"
            f"        carried_from: shop/grow/rev@2026-Q3\n"
            f"      - id: ship\n        title: {q('milestonetitle')}\n        milestone: true\n",
            encoding="utf-8",
        )
        (okrs / f"{team}-checkins.yaml").write_text(
            f"team: {team}\ncheckins:\n  - date: 2026-10-05\n    kr: grow/rev\n    value: 1.5\n"
            f"    confidence: 0.5\n    author: {q('author')}\n    note: {q('note')}\n"
            f"  - date: 2026-10-06\n    kr: grow/ship\n    value: 0.5\n    note: {q('note')}\n",
            encoding="utf-8",
        )
    (okrs / "shop-old.yaml").write_text(  # a closed period, continued by the current one
        "team: shop\nperiod: 2026-Q3\n"
        f"objectives:\n  - id: grow\n    title: Grow\n    aligns: company/grow\n    key_results:\n"
        f"      - id: rev\n        title: {q('oldkrtitle')}\n        baseline: 0\n        target: 1\n        unit: x\n",
        encoding="utf-8",
    )
    (okrs / "kpi-checkins.yaml").write_text(
        f"checkins:\n  - date: 2026-10-06\n    kpi: nps\n    value: 50\n    note: {q('kpinote')}\n", encoding="utf-8"
    )
    return root


def render(repo: Path, format_: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    """Return the report in ``format_`` (all HTML pages joined)."""
    monkeypatch.chdir(repo)
    if format_ == "html":
        out = repo / "site"
        assert main(["report", "--format", "html", "--as-of", AS_OF, "--out", str(out)]) == 0
        capsys.readouterr()
        return "\n".join(page.read_text(encoding="utf-8") for page in sorted(out.rglob("*.html")))
    history = ["--history"] if format_.endswith("-history") else []
    assert main(["report", "--format", format_.removesuffix("-history"), "--as-of", AS_OF, *history]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("format_", ["md", "html", "md-history"])
def test_hostile_fields_are_shown_inert(
    repo: Path, format_: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Markup is escaped, links are not links, templates are not evaluated, invisible characters are gone."""
    text = render(repo, format_, monkeypatch, capsys)
    shown = {field for field in FIELDS if f"{field}-rtl" in text}
    assert SHOWN[format_] <= shown
    assert "<script>alert" not in text and "<img src=x" not in text
    assert not re.search(r"""(?i)(href|src)\s*=\s*["']?\s*javascript:""", text)
    assert "\u202e" not in text and "\u200b" not in text
    assert "{% if true %}" in text  # the template syntax is shown as text, not run
    if format_.startswith("md"):
        assert not re.search(r"(?<!\\)\]\(javascript:", text)  # "[x](javascript:…)" is escaped, not a link
        assert "{{ 7\\*7 }}" in text
        for field in shown:
            assert f'&lt;script>alert("{field}")&lt;/script>' in text  # minimal: only the < that opens a tag
    else:
        assert "{{ 7*7 }}" in text
        for field in shown:
            assert f"&lt;script&gt;alert(&#34;{field}&#34;)&lt;/script&gt;" in text or (
                f"&lt;script&gt;alert(&quot;{field}&quot;)&lt;/script&gt;" in text
            )


@pytest.mark.parametrize("format_", ["md", "md-history"])
def test_markdown_tables_keep_their_columns(
    repo: Path, format_: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A ``|`` in any field cannot add a column: every row of a table has its header's cell count."""
    text = render(repo, format_, monkeypatch, capsys)
    tables = 0
    for block in re.split(r"\n\s*\n", text):
        rows = [line for line in block.splitlines() if line.startswith("|")]
        if len(rows) < 2:
            continue
        tables += 1
        widths = {len(re.findall(r"(?<!\\)\|", row)) for row in rows}
        assert len(widths) == 1, rows
    assert tables >= 2


def test_json_report_keeps_the_text_as_written(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The JSON report is data: the hostile text comes back unchanged, for its consumer to escape."""
    data = json.loads(render(repo, "json", monkeypatch, capsys))
    titles = [kr["title"] for team in data["teams"] for o in team["objectives"] for kr in o["key_results"]]
    assert payload("krtitle") in titles
