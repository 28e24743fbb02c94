"""Tests for ``okrlint lint --fix / --unsafe-fixes / --diff``: bytes in, bytes out, on real-looking files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from okrlint.cli import main
from okrlint.config import Config
from okrlint.fix.apply import FileText, fix_file, read_yaml_text
from okrlint.fix.locate import Lines, Splice
from okrlint.fix.proposals import Proposal
from okrlint.fix.sorting import sort_rows
from okrlint.lint.findings import Finding, Fix, Severity

BOM = b"\xef\xbb\xbf"
AS_OF = ["--as-of", "2026-11-02"]

OBJECTIVES = """\
  - id: reliable
    title: Be the payment provider merchants trust
    key_results:
      - {id: uptime, title: Raise uptime from 99.5% to 99.9%, baseline: 99.5, target: 99.9, unit: "%"}
      - {id: refunds, title: Cut refund time from 10 days to 2 days, baseline: 10, target: 2, unit: days}
      - {id: disputes, title: Cut disputes from 300 to 100 a month, baseline: 300, target: 100, unit: disputes}
  - id: growth
    title: Grow with the merchants we have
    key_results:
      - {id: nrr, title: Lift net revenue retention from 100% to 110%, baseline: 100, target: 110, unit: "%"}
      - {id: upsell, title: Raise upsell rate from 5% to 8%, baseline: 5, target: 8, unit: "%"}
      - {id: churn, title: Cut churn from 4% to 2%, baseline: 4, target: 2, unit: "%"}
"""


def okr_set(period: str, checkout: str) -> str:
    """Return an OKR set with one objective written by the test (``checkout``) and two clean ones."""
    return f"team: payments\nperiod: {period}\nowner: dana@example.com\nobjectives:\n{checkout}{OBJECTIVES}"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty repository root (with .git and okrs/) as the current folder."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "okrs").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def put(repo: Path, data: bytes, name: str = "okrs/payments.yaml") -> Path:
    path = repo / name
    path.write_bytes(data)
    return path


def lint(*args: str) -> int:
    return main(["lint", "--no-cache", *AS_OF, *args])


CHECKOUT_RENAME = """\
  # The one objective we would drop everything for.
  - id: checkout   # renamed in October
    title: Make checkout effortless
    key_results:
      - id: latency
        titel: "Cut p95 checkout latency from 1200 ms to 400 ms"   # typo on purpose
        baseline: 1200
        target: 400
        unit: ms
      - {id: one-click, title: Ship one-click checkout to every EU customer, milestone: true}
      - {id: conversion, title: Keep conversion between 62% and 70%, range: {min: 62, max: 70}, baseline: 58, unit: "%"}
"""


def test_rename_keeps_bom_crlf_comments_and_quotes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    original = BOM + okr_set("2026-Q4", CHECKOUT_RENAME).replace("\n", "\r\n").encode()
    path = put(repo, original)
    assert lint("--fix") == 0
    assert path.read_bytes() == original.replace(b'titel: "Cut', b'title: "Cut')
    assert "Fixed 1 problem in 1 file." in capsys.readouterr().err


@pytest.mark.parametrize("written", ["Q4 2026", "2026 Q4", "2026-q4", "'Q4 2026'", '"2026 q4"'])
def test_period_spelling_is_fixed(repo: Path, written: str) -> None:
    original = okr_set(written, CHECKOUT_RENAME.replace("titel", "title")).encode()
    path = put(repo, original)
    assert lint("--fix") == 0
    assert path.read_bytes() == original.replace(f"period: {written}\n".encode(), b"period: 2026-Q4\n")


CHECKOUT_FILL = """\
  - id: checkout
    title: Make checkout effortless
    key_results:
        # measured by the synthetic probe
        - id: latency
          title: Cut p95 checkout latency from 1200 ms to 400 ms   # the headline
          owner: lee@example.com
        - {id: conversion, title: Lift checkout conversion from 58% to 64%}
        - id: one-click
          title: Ship one-click checkout to every EU customer
"""


def test_fill_from_title_in_four_space_sequences_and_flow_mappings(repo: Path) -> None:
    original = okr_set("2026-Q4", CHECKOUT_FILL).encode()
    path = put(repo, original)
    assert lint("--fix") == 1  # the deliverable's S202 is an unsafe fix: it stays
    expected = original.replace(
        b"the headline\n",
        b"the headline\n          baseline: 1200\n          target: 400\n          unit: ms\n",
    ).replace(b"{id: conversion,", b'{baseline: 58, target: 64, unit: "%", id: conversion,')
    assert path.read_bytes() == expected
    assert lint("--fix", "--unsafe-fixes") == 0
    assert path.read_bytes() == expected.replace(
        b"every EU customer\n", b"every EU customer\n          milestone: true\n"
    )


def test_milestone_fix_reads_a_title_without_its_pasted_label(repo: Path) -> None:
    title = "title: 'KR3: Consider and plan the creation of a competition on Kaggle'"
    path = put(
        repo,
        okr_set(
            "2026-Q4", CHECKOUT_FILL.replace("title: Ship one-click checkout to every EU customer", title)
        ).encode(),
    )
    assert lint("--fix", "--unsafe-fixes") == 0
    assert f"{title}\n          milestone: true\n" in path.read_text("utf-8")


def test_unsafe_fix_is_offered_only_with_unsafe_fixes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    put(repo, okr_set("2026-Q4", CHECKOUT_FILL).encode())
    assert lint() == 1
    out = capsys.readouterr().out
    assert "S202 [*] [error] key result 'latency'" in out
    assert "S202 [error] key result 'one-click'" in out
    assert "[*] 2 fixable with `--fix`." in out
    assert "(1 hidden fix can be enabled with `--unsafe-fixes`.)" in out
    assert lint("--unsafe-fixes") == 1
    out = capsys.readouterr().out
    assert "S202 [*] [error] key result 'one-click'" in out
    assert "[*] 3 fixable with `--fix --unsafe-fixes`." in out


def test_json_findings_carry_the_fix(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    put(repo, okr_set("2026-Q4", CHECKOUT_FILL).encode())
    lint("--format", "json")
    findings = json.loads(capsys.readouterr().out)["findings"]
    fixes = {(f["code"], f["line"]): f["fix"] for f in findings}
    assert fixes[("S202", 9)] == {
        "applicability": "safe",
        "message": "fill `baseline: 1200`, `target: 400`, `unit: ms` from the title",
    }
    assert fixes[("S202", 13)]["applicability"] == "unsafe"
    assert all("fix" in f for f in findings)
    assert any(f["fix"] is None for f in findings)


def test_diff_prints_and_writes_nothing(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    original = okr_set("Q4 2026", CHECKOUT_RENAME.replace("titel", "title")).encode()
    path = put(repo, original)
    assert lint("--diff") == 1
    captured = capsys.readouterr()
    assert path.read_bytes() == original
    assert captured.out.startswith("--- a/okrs/payments.yaml\n+++ b/okrs/payments.yaml\n")
    assert "-period: Q4 2026\n+period: 2026-Q4\n" in captured.out
    assert "Would fix 1 problem in 1 file." in captured.err
    assert lint("--fix") == 0
    capsys.readouterr()
    assert lint("--diff") == 0
    assert capsys.readouterr().out == ""


CHECKINS = """\
# Payments check-ins, newest last (mostly).
team: payments
checkins:
    # kick-off
    - date: 2026-10-12
      kr: checkout/latency
      value: 1100   # after the CDN change
    # this one was added late
    - {date: 2026-10-05, kr: checkout/latency, value: 1150}

    - date: 2026-10-19
      kr: checkout/latency
      value: 900
# end of log
"""


def test_checkins_sorted_with_their_comments_only_when_unsafe(repo: Path) -> None:
    put(
        repo,
        okr_set("2026-Q4", CHECKOUT_FILL.replace("title: Ship", "milestone: true\n          title: Ship")).encode(),
    )
    log = put(repo, CHECKINS.encode(), "okrs/checkins.yaml")
    lint("--fix")
    assert log.read_bytes() == CHECKINS.encode()
    lint("--fix", "--unsafe-fixes")
    kick_off = "    # kick-off\n    - date: 2026-10-12\n      kr: checkout/latency\n"
    kick_off += "      value: 1100   # after the CDN change\n"
    late = "    # this one was added late\n    - {date: 2026-10-05, kr: checkout/latency, value: 1150}\n\n"
    expected = CHECKINS.replace(kick_off + late, late + kick_off)
    assert expected != CHECKINS
    assert log.read_bytes() == expected.encode()


def test_an_edit_that_does_not_reload_as_promised_is_refused(repo: Path) -> None:
    text = "kpis:\n  - {id: nps, name: NPS, source: Survey}  # keep me\n"
    path = put(repo, text.encode(), "okrs/kpis.yaml")
    source = read_yaml_text(path, 1000)
    assert source is not None
    finding = Finding("okrs/kpis.yaml", 2, 5, "E002", "schema", Severity.ERROR, "x")
    wrong = Proposal(finding, Fix("safe", "x"), (Splice(19, 22, "NPX"),), lambda data: None)
    edit = fix_file("okrs/kpis.yaml", source, [wrong], Config(root=repo))
    assert not edit.changed and edit.fixed == []
    assert edit.refused == [(finding, "the fixed file would not re-load as the original plus the fix")]
    drops_comment = Proposal(finding, Fix("safe", "x"), (Splice(len(text) - 10, len(text) - 1, ""),), lambda data: None)
    edit = fix_file("okrs/kpis.yaml", source, [drops_comment], Config(root=repo))
    assert edit.refused == [(finding, "the fix would change the file's comments")]


def test_lines_offsets_handle_crlf() -> None:
    lines = Lines("a: 1\r\nb: 2\r\n")
    assert lines.offset((2, 1)) == 6 and lines.newline == "\r\n" and lines.body(1) == "a: 1"


def test_plain_lint_never_imports_ruamel(repo: Path) -> None:
    put(repo, okr_set("Q4 2026", CHECKOUT_FILL).encode())
    code = (
        "import sys\nimport okrlint.commands.lint\nfrom okrlint.cli import main\n"
        "rc = main(['lint', '--no-cache', '--format', 'json'])\n"
        "assert rc == 1, rc\nassert not [m for m in sys.modules if m.startswith('ruamel')], 'ruamel imported'\n"
        "main(['lint', '--no-cache', '--diff'])\nassert 'ruamel.yaml' in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_rule_command_and_file_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "T402"]) == 0
    assert "Fix: sometimes available, unsafe (`okrlint lint --fix --unsafe-fixes`)" in capsys.readouterr().out
    assert main(["rule", "S201"]) == 0
    assert "Fix: none" in capsys.readouterr().out
    assert FileText(Path("x"), "a", True).encoded("b") == BOM + b"b"


def test_a_refused_fix_does_not_hold_back_the_others(repo: Path) -> None:
    text = "kpis:\n  - {id: nps, name: NPS, source: Survey}  # keep me\n  - {id: csat, name: CSAT, source: Survey}\n"
    path = put(repo, text.encode(), "okrs/kpis.yaml")
    source = read_yaml_text(path, 1000)
    assert source is not None
    finding = Finding("okrs/kpis.yaml", 2, 5, "E002", "schema", Severity.ERROR, "x")
    other = Finding("okrs/kpis.yaml", 3, 5, "E002", "schema", Severity.ERROR, "y")
    start = text.index("CSAT")

    def rename(data: Any) -> None:
        data["kpis"][1]["name"] = "C-SAT"

    good = Proposal(other, Fix("safe", "y"), (Splice(start, start + 4, "C-SAT"),), rename)
    wrong = Proposal(finding, Fix("safe", "x"), (Splice(19, 22, "NPX"),), lambda data: None)
    edit = fix_file("okrs/kpis.yaml", source, [wrong, good], Config(root=repo))
    assert edit.new_text == text.replace("CSAT", "C-SAT")
    assert edit.fixed == [other] and [f for f, _ in edit.refused] == [finding]


def test_a_long_log_out_of_order_is_sorted_once(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = "".join(
        f"  - {{date: 2026-10-{day:02d}, kpi: nps, value: {day}}}  # row {day}\n" for day in range(28, 0, -1)
    )
    put(repo, b"kpis:\n  - {id: nps, name: NPS, source: Survey}\n", "okrs/kpis.yaml")
    log = put(repo, f"checkins:\n{rows}".encode(), "okrs/checkins.yaml")
    calls: list[int] = []

    def counted(*args: Any) -> Any:
        calls.append(1)
        return sort_rows(*args)

    monkeypatch.setattr("okrlint.fix.proposals.sort_rows", counted)
    lint("--fix", "--unsafe-fixes")
    assert len(calls) == 1
    expected = "".join(
        f"  - {{date: 2026-10-{day:02d}, kpi: nps, value: {day}}}  # row {day}\n" for day in range(1, 29)
    )
    assert log.read_text(encoding="utf-8") == f"checkins:\n{expected}"


def test_fix_never_writes_through_a_link(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    original = okr_set("Q4 2026", CHECKOUT_RENAME).encode()
    put(repo, original, "okrs/payments.yaml")
    (elsewhere / "sales.yaml").write_bytes(original.replace(b"payments", b"sales"))
    (repo / "okrs/linked").symlink_to(elsewhere, target_is_directory=True)
    lint("--fix")
    assert (repo / "okrs/payments.yaml").read_bytes() != original
    assert (elsewhere / "sales.yaml").read_bytes() == original.replace(b"payments", b"sales")


def test_a_refused_fix_is_reported_without_driving_the_terminal(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The file name (a pull request chooses it) and the reason are shown with control characters escaped."""
    put(repo, okr_set("2026-Q4", CHECKOUT_RENAME).encode(), "okrs/pay\x1b[2Jments.yaml")
    monkeypatch.setattr("okrlint.fix.apply._attempt", lambda text, data, chosen, config: (text, data, "no\x07"))
    lint("--fix")
    err = capsys.readouterr().err
    assert "okrlint: not fixed: okrs/pay\\x1b[2Jments.yaml:10:9: E002: no\\x07\n" in err
    assert "\x1b" not in err and "\x07" not in err


@pytest.mark.parametrize(
    ("title", "offered"),
    [
        ("Ship one-click checkout to every EU customer", True),  # S202: names a deliverable
        ("multistream 2.0 is implemented", True),  # a version names it
        ("Ship 2 features", False),  # S202 asks for a target: the count is one
        ("Onboard 5 customers", False),
        ("Reach 1.0 NPS", False),
    ],
)
def test_the_milestone_fix_follows_s202s_proposal(
    repo: Path, capsys: pytest.CaptureFixture[str], title: str, offered: bool
) -> None:
    checkout = (
        f"  - id: checkout\n    title: Make checkout effortless\n    key_results:\n      - {{id: kr, title: {title}}}\n"
    )
    put(repo, okr_set("2026-Q4", checkout).encode())
    assert lint("--select", "S202", "--format", "json") == 1
    (finding,) = json.loads(capsys.readouterr().out)["findings"]
    assert ("names a deliverable" in finding["message"]) is offered
    assert (finding["fix"] is not None) is offered
