"""The composite GitHub Action (action.yml), run the way the runner runs it.

Each ``run:`` step is written to a script and executed with ``bash --noprofile --norc -eo
pipefail`` (the runner's ``shell: bash``), its ``env:`` evaluated from the inputs, the
runner's variables set (``INPUT_*``, ``GITHUB_STEP_SUMMARY`` and ``GITHUB_OUTPUT`` pointing at
temporary files, ``GITHUB_ACTION_PATH``), and the test environment's Python and okrlint first
on ``PATH``. Only ``actions/setup-python`` is skipped. ``PIP_NO_INDEX`` keeps pip offline: the
``version`` input ``okrlint`` is already satisfied by the test environment.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from paths import REPO
from tools import console_script

ACTION = REPO / "action.yml"
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
BROKEN = "team: payments\nperiod: 2026-Q4\nobjectives:\n  - id: a\n    titel: x\n"  # E002 x2
CLEAN = "kpis:\n  - {id: churn, name: Churn, source: Billing}\n"  # Q305 (info) only


def action() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    return data


@dataclass
class Run:
    """What running the action's steps gave: the last step's exit code and output, the summary, the outputs."""

    code: int
    stdout: str
    stderr: str
    summary: str
    outputs: str


def evaluate(text: str, inputs: dict[str, str]) -> str:
    """Evaluate the ``${{ }}`` expressions an action's ``env:`` may hold (inputs and the action path)."""

    def value(match: re.Match[str]) -> str:
        expression = match[1]
        if expression.startswith("inputs."):
            return inputs[expression.removeprefix("inputs.")]
        assert expression == "github.action_path", f"unexpected expression {expression}"
        return str(REPO)

    return EXPRESSION.sub(value, text)


def run_action(
    workspace: Path, inputs: dict[str, str], *, only: str | None = None, path_first: Path | None = None
) -> Run:
    """Run the action's steps in ``workspace`` (stopping at the first failure, as the runner does)."""
    spec = action()
    values = {name: str(field.get("default", "")) for name, field in spec["inputs"].items()} | inputs
    summary, outputs = workspace.parent / "summary.md", workspace.parent / "outputs.txt"
    summary.write_text("", encoding="utf-8")
    outputs.write_text("", encoding="utf-8")
    bins = [str(p) for p in (path_first, Path(sys.executable).parent) if p is not None]
    base = {
        **os.environ,
        "PATH": os.pathsep.join([*bins, os.environ.get("PATH", "")]),
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_OUTPUT": str(outputs),
        "GITHUB_ACTION_PATH": str(REPO),
        "GITHUB_WORKSPACE": str(workspace),
        "PIP_NO_INDEX": "1",
        **{f"INPUT_{name.upper()}": value for name, value in values.items()},
    }
    base.pop("GITHUB_ACTIONS", None)
    done = subprocess.CompletedProcess[str]([], 0, "", "")
    for n, step in enumerate(spec["runs"]["steps"]):
        if "uses" in step:
            assert str(step["uses"]).startswith("actions/setup-python@")
            continue
        if only is not None and step.get("name") != only:
            continue
        assert step["shell"] == "bash"
        script = workspace.parent / f"step-{n}.sh"
        script.write_text(step["run"], encoding="utf-8")
        env = base | {key: evaluate(str(value), values) for key, value in (step.get("env") or {}).items()}
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=workspace,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if done.returncode != 0:
            break
    return Run(
        done.returncode,
        done.stdout,
        done.stderr,
        summary.read_text(encoding="utf-8"),
        outputs.read_text(encoding="utf-8"),
    )


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A checked-out OKR repository."""
    root = tmp_path / "workspace"
    (root / ".git").mkdir(parents=True)
    (root / "okrs").mkdir()
    return root


def test_action_validates_against_the_github_schema() -> None:
    checker = console_script("check-jsonschema")
    assert checker is not None, "check-jsonschema (a test extra) is not installed"
    done = subprocess.run(
        [checker, "--builtin-schema", "vendor.github-actions", str(ACTION)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_inputs_and_steps_as_the_spec_says() -> None:
    spec = action()
    inputs = spec["inputs"]
    assert set(inputs) == {"command", "args", "version", "python-version"}
    assert inputs["command"]["default"] == "lint"
    assert all(field.get("description") for field in inputs.values())
    assert spec["runs"]["using"] == "composite"
    steps = spec["runs"]["steps"]
    assert steps[0]["uses"].startswith("actions/setup-python@")
    assert steps[0]["with"]["python-version"] == "${{ inputs.python-version }}"
    for step in steps[1:]:
        assert "${{" not in step["run"], "pass inputs through env:, never into a script (injection)"
        assert all(EXPRESSION.fullmatch(str(v)) for v in step["env"].values())


def test_lint_fails_on_findings_and_writes_a_summary(workspace: Path) -> None:
    (workspace / "okrs/a.yaml").write_text(BROKEN, encoding="utf-8")
    run = run_action(workspace, {"version": "okrlint", "args": "--format github"})
    assert run.code == 1, run.stderr
    assert run.stdout.startswith("::error file=okrs/a.yaml,line=4,col=5,title=E002 schema::")
    assert run.summary == (
        "### okrlint lint\n\n❌ Found 2 problems (2 errors, 0 warnings, 0 infos) in 1 file.\n\n"
        "| Count | Code | Rule | Severity |\n|--:|:--|:--|:--|\n| 2 | E002 | schema | error |\n\n"
    )
    assert run.outputs == "exit-code=1\n"


def test_clean_lint_passes_with_args_split_like_shell_words(workspace: Path) -> None:
    (workspace / "okrs/c.yaml").write_text(CLEAN, encoding="utf-8")
    run = run_action(workspace, {"version": "okrlint", "args": "--select 'E, S' okrs"})
    assert run.code == 0, run.stderr
    assert run.stdout == "Found 0 problems (0 errors, 0 warnings, 0 infos) in 1 file.\n"
    assert "✅ Found 0 problems (0 errors, 0 warnings, 0 infos) in 1 file." in run.summary
    assert run.outputs == "exit-code=0\n"


def test_args_are_never_run_as_shell_code(workspace: Path) -> None:
    (workspace / "okrs/c.yaml").write_text(CLEAN, encoding="utf-8")
    run = run_action(workspace, {"version": "okrlint", "args": "okrs; touch pwned $(touch pwned2) `touch pwned3`"})
    assert run.code == 2
    assert "no such file or folder" in run.stderr
    assert not list(workspace.glob("pwned*")) and not list(workspace.parent.glob("pwned*"))
    assert run.summary == ""  # a usage error writes no summary


def test_other_commands_run_without_a_summary(workspace: Path) -> None:
    (workspace / "okrs/c.yaml").write_text(CLEAN, encoding="utf-8")
    run = run_action(workspace, {"version": "okrlint", "command": "schema", "args": "config"})
    assert run.code == 0, run.stderr
    assert '"$schema"' in run.stdout
    assert run.summary == ""


def test_the_default_version_installs_the_actions_own_checkout(workspace: Path, tmp_path: Path) -> None:
    stub = tmp_path / "stub"
    stub.mkdir()
    record = tmp_path / "pip-args.txt"
    (stub / "python").write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{record}"\n', encoding="utf-8")
    (stub / "python").chmod(0o755)
    assert run_action(workspace, {}, only="Install okrlint", path_first=stub).code == 0
    assert record.read_text(encoding="utf-8").splitlines()[-1] == str(REPO)
    assert run_action(workspace, {"version": "okrlint==0.1.0"}, only="Install okrlint", path_first=stub).code == 0
    assert record.read_text(encoding="utf-8").splitlines()[-1] == "okrlint==0.1.0"
