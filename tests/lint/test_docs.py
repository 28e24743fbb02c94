"""The rule documentation helpers and the generated part of the README."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from okrlint.lint.catalogue import all_rules
from okrlint.lint.docs import DEFAULT_FILE, END, START, main, parse_example, readme_block, sections, update_readme
from paths import REPO

README = REPO / "README.md"


def test_readme_is_up_to_date() -> None:
    text = README.read_text(encoding="utf-8")
    assert update_readme(text) == text, "README.md is stale: run python -m okrlint.lint.docs --write"


def test_readme_block_lists_every_rule_and_setting() -> None:
    block = readme_block()
    for rule in all_rules():
        assert f"| {rule.code} | `{rule.name}` | {rule.severity} |" in block
    for key in ("paths", "vague_words", "max_change_factor", "per_file_ignores", "fail_on"):
        assert f"| `{key}` |" in block


def test_update_readme_touches_only_the_marked_part() -> None:
    text = f"# Title\n\nintro\n{START}\nold table\n{END}\n\n## After\n"
    fresh = update_readme(text)
    assert fresh.startswith(f"# Title\n\nintro\n{START}\n") and fresh.endswith(f"{END}\n\n## After\n")
    assert "old table" not in fresh and update_readme(fresh) == fresh
    with pytest.raises(ValueError, match="markers"):
        update_readme("# no markers\n")


def test_main_checks_and_writes(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"{START}\n{END}\n", encoding="utf-8")
    with pytest.raises(SystemExit) as stale:
        main([str(readme)])
    assert stale.value.code == 1
    assert main([str(readme), "--write"]) == 0
    assert main([str(readme)]) == 0


def test_sections_and_examples() -> None:
    doc = "## What it does\nThis.\n\n## Example\n```yaml\na: 1\n```\n"
    assert sections(doc) == {"What it does": "This.", "Example": "```yaml\na: 1\n```"}
    single = parse_example("kpis: []\n")
    assert single.files == {DEFAULT_FILE: "kpis: []\n"} and single.as_of is None
    multi = parse_example(
        "# okrlint lint --as-of 2027-01-20\n# file: okrs/a.yaml\nteams: []\n# file: okrs/b.yaml\nkpis: []\n"
    )
    assert multi.files == {"okrs/a.yaml": "teams: []\n", "okrs/b.yaml": "kpis: []\n"}
    assert multi.as_of == date(2027, 1, 20)
