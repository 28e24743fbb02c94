"""Rule documentation: parse the four sections and their examples, render the README tables.

Refresh the README with ``python -m okrlint.lint.docs --write`` (``--check`` exits 1 when stale).
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from okrlint.lint.catalogue import all_rules
from okrlint.lint.findings import FIXABLE
from okrlint.lint.registry import Rule
from okrlint.util.records import record
from okrlint.util.resources import load_schema

SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead")
START, END = "<!-- rules:start -->", "<!-- rules:end -->"
DEFAULT_FILE = "okrs/example.yaml"

_HEADING_RE = re.compile(r"^## (.+?)\s*$", re.MULTILINE)
_BLOCK_RE = re.compile(r"^```yaml\n(.*?)^```", re.MULTILINE | re.DOTALL)
_FILE_RE = re.compile(r"^# file: (\S+)\s*$")
_AS_OF_RE = re.compile(r"^# okrlint lint .*--as-of (\d{4}-\d{2}-\d{2})\s*$")


@record
class Example:
    """A documentation example: the files it consists of and the as-of date it is meant for."""

    files: dict[str, str]
    as_of: date | None


def sections(doc: str) -> dict[str, str]:
    """Return the ``## heading`` sections of a rule's documentation, heading → body."""
    parts = _HEADING_RE.split(doc)
    return {parts[i]: parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}


def parse_example(block: str) -> Example:
    """Split a ```yaml block at ``# file: PATH`` lines; read ``# okrlint lint --as-of DATE``."""
    files: dict[str, list[str]] = {}
    current: list[str] | None = None
    preamble: list[str] = []
    as_of = None
    for line in block.splitlines():
        as_of_match, file_match = _AS_OF_RE.match(line), _FILE_RE.match(line)
        if as_of_match:
            as_of = date.fromisoformat(as_of_match.group(1))
        elif file_match:
            current = files.setdefault(file_match.group(1), [])
        elif current is not None:
            current.append(line)
        else:
            preamble.append(line)
    if not files:
        files[DEFAULT_FILE] = preamble
    return Example({path: "\n".join(lines) + "\n" for path, lines in files.items()}, as_of)


def examples(doc: str, heading: str) -> list[Example]:
    """Return the examples in the ```yaml blocks of section ``heading``."""
    return [parse_example(block) for block in _BLOCK_RE.findall(sections(doc).get(heading, ""))]


def _cell(text: str) -> str:
    """Return ``text`` safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def fix_availability(code: str) -> str:
    """Return whether rule ``code`` can fix, e.g. ``sometimes, safe``, or an empty string."""
    known = FIXABLE.get(code)
    return f"{known[0]}, {known[1]}" if known else ""


def rules_table(rules: Sequence[Rule]) -> str:
    """Render the rule table as Markdown: code, name, default severity, fix, summary."""
    lines = ["| code | name | default | fix | summary |", "|---|---|---|---|---|"]
    lines += [
        f"| {r.code} | `{r.name}` | {r.severity} | {fix_availability(r.code)} | {_cell(r.summary)} |" for r in rules
    ]
    return "\n".join(lines)


def _shown_default(value: Any) -> str:
    if isinstance(value, str):
        return f"`{value}`"
    return f"`{json.dumps(value)}`"


def config_table() -> str:
    """Render the configuration keys (from the config JSON Schema) as a Markdown table."""
    lines = ["| key | default | meaning |", "|---|---|---|"]
    for key, spec in load_schema("config")["properties"].items():
        default = _shown_default(spec["default"]) if "default" in spec else ""
        lines.append(f"| `{key}` | {default} | {_cell(spec.get('description', ''))} |")
    return "\n".join(lines)


def readme_block() -> str:
    """Return the generated README text that sits between the rules markers."""
    return "\n".join(
        (
            "",
            "Every rule, its code, readable name and default severity. `okrlint rule CODE` (or NAME) prints",
            "its documentation: what it checks, why, and an example of a bad and a good version. The fix",
            "column says whether the rule's findings can carry a fix (always or sometimes; safe fixes are",
            "applied by `okrlint lint --fix`, unsafe ones only with `--unsafe-fixes` too).",
            "",
            rules_table(all_rules()),
            "",
            "### Configuration",
            "",
            "`.okrlint.yaml` in the current folder or the nearest parent, else `[tool.okrlint]` in the",
            "nearest `pyproject.toml`, else the defaults; `--config PATH` overrides. Unknown keys and bad",
            "values are an error (exit 2).",
            "",
            config_table(),
            "",
            "Silence one finding with `# okrlint: disable=S201,Q301` at the end of its line or on the line",
            "just above it, and a whole file with `# okrlint: disable-file=C101` anywhere in it.",
            "",
        )
    )


def update_readme(text: str) -> str:
    """Return README ``text`` with the part between the rules markers regenerated."""
    start, end = text.find(START), text.find(END)
    if start < 0 or end < start:
        raise ValueError(f"the README lacks the markers {START} ... {END}")
    return text[: start + len(START)] + "\n" + readme_block() + "\n" + text[end:]


def main(argv: Sequence[str] | None = None) -> int:
    """Check or rewrite the generated part of the README; return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m okrlint.lint.docs", description=__doc__)
    parser.add_argument("readme", nargs="?", type=Path, default=Path("README.md"))
    parser.add_argument("--write", action="store_true", help="rewrite the README in place")
    args = parser.parse_args(argv)
    text = args.readme.read_text(encoding="utf-8")
    fresh = update_readme(text)
    if args.write:
        if fresh != text:
            args.readme.write_text(fresh, encoding="utf-8")
        return 0
    if fresh != text:
        parser.exit(1, f"{args.readme} is out of date; run: python -m okrlint.lint.docs --write\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
