"""Run the per-rule case files in ``tests/rules/cases/CODE.yaml``.

A case file is a YAML list of cases; each case has a ``name``, ``files`` (relative path →
text), and optionally ``as_of`` (default 2026-11-23), ``config`` (the ``.okrlint.yaml``
settings), ``select`` (default: the file's rule) and ``expect`` (extra ``"path:line CODE"``
entries, for files such as CSV that cannot hold comments). A ``# expect: CODE[, CODE]``
comment marks the line each finding must be reported on; a case without any is a passing
case. Codes and lines are asserted exactly.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from linting import AS_OF, lint_files
from okrlint.lint.catalogue import all_rules
from paths import TESTS

CASES = TESTS / "rules" / "cases"
_EXPECT_RE = re.compile(r"#\s*expect:\s*([A-Z][0-9]{3}(?:\s*,\s*[A-Z][0-9]{3})*)")
_EXTRA_RE = re.compile(r"(?P<path>[^:]+):(?P<line>[0-9]+)\s+(?P<code>[A-Z][0-9]{3})\Z")

Expected = Counter[tuple[str, int, str]]


def load_cases(path: Path) -> list[dict[str, Any]]:
    """Return the cases of one case file."""
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(cases, list), f"{path.name}: a case file is a list of cases"
    return cases


def expected(case: dict[str, Any]) -> Expected:
    """Return the (path, line, code) findings a case expects, counted."""
    found: Expected = Counter()
    for rel, text in case["files"].items():
        for number, line in enumerate(text.splitlines(), start=1):
            match = _EXPECT_RE.search(line)
            if match:
                found.update((rel, number, code.strip()) for code in match.group(1).split(","))
    for entry in case.get("expect", []):
        extra = _EXTRA_RE.match(entry)
        assert extra, f"expect entry {entry!r} is not 'path:line CODE'"
        found[(extra["path"], int(extra["line"]), extra["code"])] += 1
    return found


def _params() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.yaml")):
        for i, case in enumerate(load_cases(path)):
            params.append(pytest.param(path.stem, case, id=f"{path.stem}-{i}-{case['name']}"))
    return params


@pytest.mark.parametrize(("code", "case"), _params())
def test_case(code: str, case: dict[str, Any], tmp_path: Path) -> None:
    as_of = case.get("as_of", AS_OF)
    as_of = as_of if isinstance(as_of, date) else date.fromisoformat(as_of)
    select = case.get("select", [code])
    findings = lint_files(tmp_path, case["files"], as_of=as_of, config=case.get("config"), select=select)
    got: Expected = Counter((f.path, f.line, f.code) for f in findings)
    assert got == expected(case), "\n".join(f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}" for f in findings)


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_every_rule_has_cases(rule: Any) -> None:
    path = CASES / f"{rule.code}.yaml"
    assert path.is_file(), f"no case file for {rule.code} ({path})"
    cases = load_cases(path)
    failing = [c for c in cases if any(code == rule.code for _, _, code in expected(c))]
    passing = [c for c in cases if not expected(c)]
    assert len(failing) >= 2 and len(passing) >= 2, f"{rule.code}: need 2 failing and 2 passing cases"


def test_no_case_file_without_a_rule() -> None:
    codes = {r.code for r in all_rules()}
    assert {p.stem for p in CASES.glob("*.yaml")} <= codes
