"""The CI example (.github/workflows/okrs.yml): every okrlint command in it is one the real CLI accepts."""

from __future__ import annotations

import re
import shlex
import subprocess
from typing import Any

import click
import pytest
import yaml

from okrlint.cli import cli
from paths import REPO
from tools import console_script

WORKFLOW = REPO / ".github" / "workflows" / "okrs.yml"
OPERATORS = {";", "&&", "||", "|", "&", "(", ")"}
REDIRECTS = {">", ">>", "<", "2>", "&>"}


def workflow() -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return data


def run_scripts() -> list[str]:
    return [step["run"] for job in workflow()["jobs"].values() for step in job["steps"] if "run" in step]


def okrlint_commands(script: str) -> list[list[str]]:
    """Return the argument lists of every ``okrlint`` command in a shell script."""
    text = re.sub(r"\$\{\{.*?\}\}", "EXPR", script).replace("\\\n", " ")
    found = []
    for line in text.splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        tokens = list(lexer)
        command: list[str] = []
        for token in [*tokens, ";"]:
            if token in OPERATORS:
                if command and command[0] == "okrlint":
                    found.append(command[1:])
                command = []
            else:
                command.append(token)
    return [[t for i, t in enumerate(c) if t not in REDIRECTS and (i == 0 or c[i - 1] not in REDIRECTS)] for c in found]


def action_commands() -> list[list[str]]:
    """Return the okrlint commands the workflow runs through okrlint's own action (``uses: ./``)."""
    return [
        [step["with"].get("command", "lint"), *shlex.split(step["with"].get("args", ""))]
        for job in workflow()["jobs"].values()
        for step in job["steps"]
        if step.get("uses") == "./"
    ]


ALL_COMMANDS = [command for script in run_scripts() for command in okrlint_commands(script)] + action_commands()


def test_the_workflow_runs_lint_diff_and_both_reports() -> None:
    used = {(c[0], c[c.index("--format") + 1]) for c in ALL_COMMANDS if "--format" in c}
    assert used == {("lint", "github"), ("diff", "md"), ("report", "html"), ("report", "md")}


def test_lint_and_the_scorecard_use_the_action() -> None:
    assert ["lint", "--format", "github"] in action_commands()
    assert ["report", "--format", "html", "--out", "site/"] in action_commands()


def test_command_extraction_sees_through_shell_syntax() -> None:
    script = 'okrlint diff --format md --output x.md "origin/$BASE" || status=$?\nokrlint report --summary >> "$S"'
    assert okrlint_commands(script) == [
        ["diff", "--format", "md", "--output", "x.md", "origin/$BASE"],
        ["report", "--summary"],
    ]


@pytest.mark.parametrize("arguments", ALL_COMMANDS, ids=" ".join)
def test_help_lists_every_option_used(arguments: list[str]) -> None:
    okrlint = console_script("okrlint")
    assert okrlint is not None, "okrlint is not installed"
    subcommand = arguments[0]
    done = subprocess.run([okrlint, subcommand, "--help"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"okrlint {subcommand} --help failed: {done.stderr}"
    for option in (a.split("=", 1)[0] for a in arguments[1:] if a.startswith("-")):
        assert re.search(rf"(^|[\s,]){re.escape(option)}\b", done.stdout), f"okrlint {subcommand}: no {option}"


@pytest.mark.parametrize("arguments", ALL_COMMANDS, ids=" ".join)
def test_the_cli_parses_every_command(arguments: list[str]) -> None:
    command = cli.get_command(click.Context(cli), arguments[0])
    assert command is not None
    context = command.make_context(arguments[0], [a.replace("$", "") for a in arguments[1:]])
    assert context.params  # options and choice values were accepted


def test_permissions_are_minimal_and_pull_requests_stay_untrusted() -> None:
    data = workflow()
    triggers = data[True] if True in data else data["on"]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers and "pull_request_target" not in triggers
    assert data["permissions"] == {"contents": "read"}
    jobs = data["jobs"]
    assert jobs["lint"].get("permissions") is None
    assert jobs["diff"]["permissions"] == {"contents": "read", "pull-requests": "write"}
    assert jobs["scorecard"]["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    for job in jobs.values():
        checkout = next(s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/checkout@"))
        assert checkout["with"]["persist-credentials"] is False
    for script in run_scripts():
        assert "${{" not in script, "pass expressions through env:, never into a script (injection)"


def test_workflow_validates_against_the_github_schema() -> None:
    checker = console_script("check-jsonschema")
    assert checker is not None, "check-jsonschema (a test extra) is not installed"
    done = subprocess.run(
        [checker, "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
