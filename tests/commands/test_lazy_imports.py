"""The command line imports only what the command that runs uses (`okrlint --version` starts fast)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import click
import pytest

from okrlint import commands
from okrlint.cli import COMMAND_MODULES, cli

HEAVY = ("jinja2", "jsonschema", "ruamel", "markupsafe", "okrlint.report", "okrlint.diff")
COMMANDS = ("okrlint.commands.", "okrlint.checkin", "okrlint.fix", "okrlint.engine", "yaml")


def _imported_after(code: str, heavy: tuple[str, ...] = HEAVY) -> list[str]:
    """Run ``code`` in a fresh interpreter and return the modules of ``heavy`` (and below) it imported."""
    probe = f"{code}\nimport sys\nprint(sorted(sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    names = done.stdout.strip().splitlines()[-1].strip("[]").replace("'", "").split(", ")
    return [name for name in names if any(name == h or name.startswith(h.rstrip(".") + ".") for h in heavy)]


def test_importing_the_cli_imports_no_command() -> None:
    assert _imported_after("import okrlint.cli", HEAVY + COMMANDS) == []


def test_version_imports_nothing_heavy() -> None:
    code = "from okrlint.cli import main\ntry:\n    main(['--version'])\nexcept SystemExit:\n    pass"
    assert _imported_after(code, HEAVY + COMMANDS) == []


def test_lint_module_imports_no_report_library_and_no_fixer() -> None:
    assert _imported_after("import okrlint.commands.lint", (*HEAVY, "okrlint.fix", "okrlint.checkin")) == []


@pytest.mark.parametrize("name", sorted(COMMAND_MODULES))
def test_each_command_is_found_by_its_name(name: str) -> None:
    found = cli.get_command(click.Context(cli), name)
    assert found is not None and found.name == name


def test_every_command_module_is_listed() -> None:
    modules = {info.name for info in pkgutil.iter_modules(commands.__path__)} - {"common"}
    assert modules == set(COMMAND_MODULES.values())
    assert cli.get_command(None, "nonsense") is None  # type: ignore[arg-type]
