"""Choosing what is reported: suppression comments, select/ignore, severity, per_file_ignores, fail_on."""

from __future__ import annotations

from pathlib import Path

import pytest

from linting import lint_files, write_repo
from okrlint.cli import main
from okrlint.config import ConfigError
from okrlint.lint.findings import Severity

# Line 7 has S201 and S203 (a vague metric KR without baseline), line 8 a Q303-free milestone.
SET = """\
team: payments
period: 2026-Q4
owner: dana@example.com
objectives:
  - id: checkout
    title: Make checkout effortless{objective_comment}
    key_results:{kr_comment}
      - {{id: a, title: Improve onboarding, target: 3, unit: "%"}}{comment}
      - {{id: b, title: Ship one-click checkout, milestone: true}}
"""


def _set(comment: str = "", kr_comment: str = "", objective_comment: str = "") -> str:
    return SET.format(comment=comment, kr_comment=kr_comment, objective_comment=objective_comment)


def _codes(
    tmp_path: Path, files: dict[str, str], config: dict[str, object] | None = None
) -> list[tuple[str, int, str]]:
    found = lint_files(tmp_path, files, select=["S201", "S203"], config=config)
    return sorted((f.path, f.line, f.code) for f in found)


def test_unsuppressed(tmp_path: Path) -> None:
    assert _codes(tmp_path, {"okrs/p.yaml": _set()}) == [("okrs/p.yaml", 8, "S201"), ("okrs/p.yaml", 8, "S203")]


@pytest.mark.parametrize(
    ("comment", "left"),
    [
        ("  # okrlint: disable=S201", ["S203"]),
        ("  # okrlint: disable=S201,S203", []),
        ("  # okrlint: disable= S201 , S203", []),
        ("  # okrlint: disable=vague-key-result", ["S203"]),
        ("  # okrlint: disable=S2", []),
        ("  # okrlint: disable=Q301", ["S201", "S203"]),
        ("  # okrlint:disable=s201", ["S203"]),
    ],
)
def test_end_of_line_comment(tmp_path: Path, comment: str, left: list[str]) -> None:
    assert [code for _, _, code in _codes(tmp_path, {"okrs/p.yaml": _set(comment)})] == left


def test_comment_on_the_line_above(tmp_path: Path) -> None:
    text = _set(kr_comment="\n      # okrlint: disable=S201")
    assert _codes(tmp_path, {"okrs/p.yaml": text}) == [("okrs/p.yaml", 9, "S203")]


def test_comment_two_lines_above_does_not_count(tmp_path: Path) -> None:
    text = _set(objective_comment="\n      # okrlint: disable=S201")
    assert [code for _, _, code in _codes(tmp_path, {"okrs/p.yaml": text})] == ["S201", "S203"]


def test_end_of_line_comment_covers_only_its_line(tmp_path: Path) -> None:
    text = _set(kr_comment="  # okrlint: disable=S201")
    assert [code for _, _, code in _codes(tmp_path, {"okrs/p.yaml": text})] == ["S201", "S203"]


def test_disable_file(tmp_path: Path) -> None:
    files = {
        "okrs/p.yaml": "# okrlint: disable-file=S203\n" + _set(),
        "okrs/q.yaml": _set().replace("payments", "mobile"),
    }
    assert _codes(tmp_path, files) == [
        ("okrs/p.yaml", 9, "S201"),
        ("okrs/q.yaml", 8, "S201"),
        ("okrs/q.yaml", 8, "S203"),
    ]


def test_select_and_ignore_from_config(tmp_path: Path) -> None:
    files = {"okrs/p.yaml": _set()}
    found = lint_files(tmp_path / "a", files, config={"select": ["S2"], "ignore": ["missing-baseline", "S208"]})
    assert sorted({f.code for f in found}) == ["S201"]
    found = lint_files(tmp_path / "b", files, config={"select": ["C", "vague-key-result"]})
    assert sorted({f.code for f in found}) == ["C101", "C103", "S201"]


def test_severity_override(tmp_path: Path) -> None:
    found = lint_files(tmp_path, {"okrs/p.yaml": _set()}, config={"severity": {"S203": "error", "S2": "info"}})
    severities = {f.code: f.severity for f in found}
    assert severities["S203"] == Severity.ERROR  # the first matching key wins
    assert severities["S201"] == Severity.INFO
    assert severities["C101"] == Severity.WARNING


def test_per_file_ignores(tmp_path: Path) -> None:
    files = {"okrs/drafts/deep/p.yaml": _set(), "okrs/q.yaml": _set().replace("payments", "mobile")}
    config: dict[str, object] = {"per_file_ignores": {"okrs/drafts/**": ["S201"], "okrs/*.yaml": ["S203"]}}
    assert _codes(tmp_path, files, config=config) == [
        ("okrs/drafts/deep/p.yaml", 8, "S203"),
        ("okrs/q.yaml", 8, "S201"),
    ]


@pytest.mark.parametrize(
    ("config", "args", "code"),
    [
        ({}, [], 1),  # S201 is an error
        ({"ignore": ["S201"]}, [], 0),  # warnings left, fail_on error
        ({"ignore": ["S201"], "fail_on": "warning"}, [], 1),
        ({"ignore": ["S201"], "fail_on": "warning"}, ["--fail-on", "error"], 0),
        ({"select": ["S210"], "fail_on": "info"}, [], 0),  # nothing found at all
        ({"ignore": ["S201"]}, ["--fail-on", "warning"], 1),
        ({"severity": {"S201": "warning"}}, [], 0),
        ({}, ["--ignore", "S201,S2"], 0),
        ({"ignore": ["S201"]}, ["--select", "S201"], 0),  # --select replaces select; ignore still applies
    ],
)
def test_exit_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, config: dict[str, object], args: list[str], code: int
) -> None:
    write_repo(tmp_path, {"okrs/p.yaml": _set()}, config)
    monkeypatch.chdir(tmp_path)
    assert main(["lint", "--as-of", "2026-11-23", *args]) == code


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ({"ignore": ["vague-key-resul"]}, "did you mean 'vague-key-result'"),
        ({"select": ["Z9"]}, "select: 'Z9' names no rule"),
        ({"severity": {"S999": "error"}}, "severity: 'S999' names no rule"),
        ({"per_file_ignores": {"okrs/**": ["X1"]}}, "'X1' names no rule"),
        ({"objectives": {"min": 6, "max": 5}}, "objectives.min (6) is greater than objectives.max (5)"),
        ({"fail_on": "never"}, "fail_on"),
        ({"vague_words": {"extend": "robust"}}, "vague_words.extend"),
    ],
)
def test_bad_config_is_refused(tmp_path: Path, config: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=None) as error:
        lint_files(tmp_path, {"okrs/p.yaml": _set()}, config=config)
    assert message in str(error.value)
    assert ".okrlint.yaml:1:" in str(error.value)


def test_bad_config_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_repo(tmp_path, {"okrs/p.yaml": _set()}, {"ignore": ["nothing"]})
    monkeypatch.chdir(tmp_path)
    assert main(["lint"]) == 2
    assert "'nothing' names no rule" in capsys.readouterr().err


def test_vague_words_extend_and_remove(tmp_path: Path) -> None:
    text = _set().replace("Improve onboarding", "Revamp and improve onboarding")
    [finding] = lint_files(tmp_path / "a", {"okrs/p.yaml": text}, select=["S201"])
    assert '(vague: "improve")' in finding.message
    config = {"vague_words": {"extend": ["revamp"], "remove": ["Improve"]}}
    [finding] = lint_files(tmp_path / "b", {"okrs/p.yaml": text}, select=["S201"], config=config)
    assert '(vague: "revamp")' in finding.message


def test_vague_message_adds_the_words_the_grammar_decided_on(tmp_path: Path) -> None:
    """The listed vague word ("enable") and the quality noun that made the object vague are both named."""
    text = _set().replace("Improve onboarding", "Enable the capabilities of our team")
    [finding] = lint_files(tmp_path / "a", {"okrs/p.yaml": text}, select=["S201"])
    assert '(vague: "enable", "capabilities")' in finding.message


@pytest.mark.parametrize(
    ("title", "words"),
    [
        ("Make the docs better for new users", '(vague: "better", "make")'),
        ("Make it easy to update the plugin", '(vague: "make", "easy")'),
        ("Make users happy", '(vague: "make", "happy")'),
    ],
)
def test_make_names_the_quality_asked_for_not_the_next_word(tmp_path: Path, title: str, words: str) -> None:
    """ "Make <thing> <quality>" is vague because of the quality: the message names it, never "the" or "it"."""
    [finding] = lint_files(tmp_path, {"okrs/p.yaml": _set().replace("Improve onboarding", title)}, select=["S201"])
    assert words in finding.message
