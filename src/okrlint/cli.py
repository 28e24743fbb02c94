"""The ``okrlint`` command line: parse options, call the library, map outcomes to exit codes."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module

import click

from okrlint import __version__
from okrlint.util.errors import UserError
from okrlint.util.quickexit import quick_exit
from okrlint.util.text import escape_undecodable, printable

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
REPORT_URL = "https://github.com/okrlint/okrlint/issues"

# Each command lives in a module of okrlint.commands, as ``command`` (or a tuple ``COMMANDS``),
# imported only when that command runs (or help lists them all): `okrlint --version` and
# `okrlint lint` import nothing of report, diff or checkin. Command name -> module.
COMMAND_MODULES = {
    "checkin": "checkin",
    "diff": "diff",
    "init": "init",
    "lint": "lint",
    "plan": "plan",
    "report": "report",
    "rule": "rules",
    "rules": "rules",
    "schema": "schema",
}


class LazyGroup(click.Group):
    """A command group that imports a command's module only when the command is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Return every command name, sorted."""
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """Import and return command ``cmd_name``, None when there is none."""
        name = COMMAND_MODULES.get(cmd_name)
        if name is None:
            return None
        module = import_module(f"okrlint.commands.{name}")
        found = module.COMMANDS if hasattr(module, "COMMANDS") else (module.command,)
        return next((command for command in found if command.name == cmd_name), None)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="okrlint", message="%(prog)s %(version)s")
def cli() -> None:
    """Lint OKRs and KPIs kept as YAML in git, and render scorecards from check-ins."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code; nothing escapes as a traceback."""
    try:
        result = cli.main(args=list(argv) if argv is not None else None, prog_name="okrlint", standalone_mode=False)
    except click.exceptions.Exit as done:
        return int(done.exit_code)
    except click.ClickException as error:
        error.show()
        return EXIT_USAGE
    except (click.Abort, KeyboardInterrupt):
        click.echo("okrlint: interrupted", err=True)
        return 130
    except UserError as error:
        click.echo(f"okrlint: error: {printable(escape_undecodable(str(error)))}", err=True)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:
        where = ""
        tb = error.__traceback__
        while tb is not None and tb.tb_next is not None:
            tb = tb.tb_next
        if tb is not None:
            where = f" at {tb.tb_frame.f_code.co_filename.rsplit('/', 1)[-1]}:{tb.tb_lineno}"
        click.echo(
            f"okrlint: internal error: {type(error).__name__}: {error}{where}; please report it at {REPORT_URL}",
            err=True,
        )
        return EXIT_INTERNAL
    return int(result or 0)


def run() -> None:
    """Console-script entry point."""
    quick_exit(main())
