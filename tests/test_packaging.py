"""What a fresh machine gets: declared lower bounds are the ones CI tests, and CI runs the README."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9_.-]+)\s*(?:>=|==)\s*([0-9][^,;\s]*)")


def _bounds(lines: list[str]) -> dict[str, str]:
    found = {}
    for line in lines:
        if "# test-tool" in line:
            continue
        match = PIN.match(line.split("#", 1)[0].strip())
        if match:
            found[match.group(1).lower().replace("_", "-")] = match.group(2)
    return found


def test_lowest_constraints_are_the_declared_lower_bounds() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = _bounds(project["dependencies"])
    tested = _bounds((REPO / ".ci/lowest-constraints.txt").read_text(encoding="utf-8").splitlines())
    assert declared and declared == tested


def test_ci_runs_the_readme_commands_in_fresh_venvs() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / ".ci/readme_commands.py"), str(REPO / "README.md")],
        capture_output=True,
        text=True,
        check=True,
    )
    main_job, tests = done.stdout.splitlines()
    assert "okrlint lint" in main_job and "okrlint report --format html" in main_job
    assert tests == "pip install -e '.[test]' && python -m pytest -q"
    script = (REPO / ".ci/run").read_text(encoding="utf-8")
    assert "readme_commands.py README.md" in script
    assert script.count("python3 -m venv") == 1 and "--system-site-packages" not in script
    assert "lowest-constraints.txt" in script
