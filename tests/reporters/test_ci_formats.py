"""The CI formats: ``github`` workflow commands and ``sarif`` 2.1.0."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from linting import write_repo
from okrlint.cli import cli, main
from okrlint.lint.catalogue import all_rules
from okrlint.lint.findings import Finding, Severity
from okrlint.lint.result import LintResult
from okrlint.model.repository import Repository
from okrlint.reporters import ReportOptions, get_reporter
from paths import TESTS

SARIF_SCHEMA = json.loads((TESTS / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def _result(*findings: Finding) -> LintResult:
    return LintResult(tuple(sorted(findings)), 2, Repository())


ERROR = Finding("okrs/a b.yaml", 3, 7, "S201", "vague-key-result", Severity.ERROR, "say 50%: from\r\nA to B")
WARNING = Finding("okrs/x,y:z.yaml", 10, 1, "C101", "too-few-objectives", Severity.WARNING, "fewer, than: 3")
INFO = Finding("okrs/c.yaml", 1, 1, "S210", "metric-in-objective", Severity.INFO, "numbers")


def test_github_commands_and_escaping() -> None:
    text = get_reporter("github")(_result(ERROR, WARNING, INFO), ReportOptions())
    assert text.splitlines() == [
        "::error file=okrs/a b.yaml,line=3,col=7,title=S201 vague-key-result::say 50%25: from%0D%0AA to B",
        "::notice file=okrs/c.yaml,line=1,col=1,title=S210 metric-in-objective::numbers",
        "::warning file=okrs/x%2Cy%3Az.yaml,line=10,col=1,title=C101 too-few-objectives::fewer, than: 3",
    ]


def test_github_without_findings_is_empty() -> None:
    assert get_reporter("github")(_result(), ReportOptions()) == ""


def _sarif(result: LintResult) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(get_reporter("sarif")(result, ReportOptions(version="9.9.9")))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    return log


def test_sarif_validates_and_lists_every_rule() -> None:
    log = _sarif(_result(ERROR, WARNING, INFO))
    driver = log["runs"][0]["tool"]["driver"]
    assert log["version"] == "2.1.0" and driver["name"] == "okrlint" and driver["version"] == "9.9.9"
    rules = all_rules()
    assert [r["id"] for r in driver["rules"]] == [r.code for r in rules]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for descriptor, rule in zip(driver["rules"], rules, strict=True):
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert descriptor["fullDescription"]["text"] and "## Example" in descriptor["help"]["markdown"]
        assert descriptor["defaultConfiguration"]["level"] == levels[str(rule.severity)]


def test_sarif_results() -> None:
    log = _sarif(_result(ERROR, WARNING, INFO))
    driver, results = log["runs"][0]["tool"]["driver"], log["runs"][0]["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [("S201", "error"), ("S210", "note"), ("C101", "warning")]
    for result in results:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    first = results[0]
    assert first["message"]["text"] == ERROR.message
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "okrs/a%20b.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 3, "startColumn": 7},
    }


def test_sarif_empty_and_outside_paths() -> None:
    assert _sarif(_result())["runs"][0]["results"] == []
    outside = Finding("/elsewhere/a.yaml", 1, 1, "E007", "unreadable", Severity.ERROR, "empty")
    location = _sarif(_result(outside))["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "file:///elsewhere/a.yaml"}


BAD_SET = """\
team: payments
period: 2026-Q4
objectives:
  - id: checkout
    title: Make checkout effortless
    key_results:
      - {id: a, title: Improve onboarding, target: 3}
"""


@pytest.mark.parametrize("fmt", ["github", "sarif"])
def test_cli_formats(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_repo(tmp_path, {"okrs/payments.yaml": BAD_SET})
    monkeypatch.chdir(tmp_path)
    code = main(["lint", "--format", fmt, "--select", "S201", "--as-of", "2026-11-23"])
    out = capsys.readouterr().out
    assert code == 1
    if fmt == "sarif":
        assert [r["ruleId"] for r in _sarif_text(out)["runs"][0]["results"]] == ["S201"]
    else:
        assert out.startswith("::error file=okrs/payments.yaml,line=7,col=")


def _sarif_text(text: str) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(text)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    return log


def test_auto_format_is_github_under_actions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_repo(tmp_path, {"okrs/payments.yaml": BAD_SET})
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    under_actions = runner.invoke(
        cli, ["lint", "--select", "S201", "--as-of", "2026-11-23"], env={"GITHUB_ACTIONS": "true"}
    )
    assert under_actions.output.startswith("::error file=okrs/payments.yaml,")
    locally = runner.invoke(cli, ["lint", "--select", "S201", "--as-of", "2026-11-23"], env={"GITHUB_ACTIONS": ""})
    assert locally.output.startswith("okrs/payments.yaml:7:")
