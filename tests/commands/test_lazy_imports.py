"""The command line imports only what the command that runs uses (`okrlint --version` starts fast)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import click
import pytest

from okrlint import commands
from okrlint.cli import COMMAND_MODULES, cli
from okrlint.lint import rules

HEAVY = ("jinja2", "jsonschema", "ruamel", "markupsafe", "okrlint.report", "okrlint.diff")
COMMANDS = ("okrlint.commands.", "okrlint.checkin", "okrlint.fix", "okrlint.engine", "yaml")


def _imported_after(code: str, heavy: tuple[str, ...] = HEAVY, cwd: Path | None = None) -> list[str]:
    """Run ``code`` in a fresh interpreter (in ``cwd``) and return the modules of ``heavy`` (and below) it imported."""
    probe = f"{code}\nimport sys\nprint(sorted(sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=cwd)
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


# What the rules, the model and the wording grammar bring: a lint answered from the cache needs none of them.
RULE_PATH = (
    "okrlint.lint.rules",
    "okrlint.lint.run",
    "okrlint.lint.wording",
    "okrlint.model.repository",
    "okrlint.model.load",
    "okrlint.scoring",
    "okrlint.engine.pool",
    "okrlint.engine.relint",
)
NOT_ON_A_CACHE_HIT = (*HEAVY, "okrlint.fix", "okrlint.checkin", "okrlint.reporters.sarif_format", *RULE_PATH)

SET = """\
team: payments
period: 2026-Q4
owner: dana@example.com
objectives:
  - id: checkout
    title: Make checkout effortless
    key_results:
      - {id: a, title: Improve onboarding, baseline: 1, target: 3, unit: "%"}
"""


def test_lint_module_imports_no_rule_and_no_model() -> None:
    assert _imported_after("import okrlint.commands.lint", RULE_PATH) == []


def test_a_lint_answered_from_the_cache_imports_no_rule(tmp_path: Path) -> None:
    (tmp_path / "okrs").mkdir()
    (tmp_path / "okrs" / "p.yaml").write_text(SET, encoding="utf-8")
    (tmp_path / ".okrlint.yaml").write_text("{}\n", encoding="utf-8")
    args = ["lint", "--as-of", "2026-11-01"]
    cold = _imported_after(f"from okrlint.cli import main\nmain({args!r})", ("okrlint.lint.rules",), cwd=tmp_path)
    assert {f"okrlint.lint.rules.{m}" for m in rules.__all__} <= set(
        cold
    )  # a cold run imports them, and the probe sees it
    code = f"from okrlint.cli import main\nprint(main({[*args, 'okrs/p.yaml']!r}))"
    assert _imported_after(code, NOT_ON_A_CACHE_HIT, cwd=tmp_path) == []
    shown = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert "S201" in shown.stdout and shown.stdout.splitlines()[-1] == "1"  # findings from the cache, exit code 1


def test_the_lint_path_loads_neither_openssl_nor_decimal() -> None:
    """hashlib and hmac load OpenSSL as they are imported (the cache's BLAKE2b comes from okrlint.util.digest);
    decimal is for the report's number precision (okrlint.util.quantum)."""
    code = "import okrlint.commands.lint, okrlint.engine.run, okrlint.engine.cache, okrlint.lint.rules"
    assert _imported_after(code, ("hashlib", "hmac", "_hashlib", "decimal", "_decimal")) == []
