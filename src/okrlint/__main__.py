"""Allow ``python -m okrlint``."""

from okrlint.cli import run

run()
