"""Compare output with a golden file under tests/golden/, or rewrite it with ``pytest --update-golden``."""

from __future__ import annotations

from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parent / "golden"


def check_golden(request: pytest.FixtureRequest, name: str, text: str) -> None:
    """Assert ``text`` equals tests/golden/``name``; with --update-golden, write it instead."""
    path = GOLDEN / name
    if request.config.getoption("--update-golden"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
        return
    if not path.exists():
        pytest.fail(f"golden file {path} is missing; create it with: python -m pytest --update-golden")
    expected = path.read_text(encoding="utf-8")
    if text != expected:
        diff_at = next((i for i, (a, b) in enumerate(zip(text, expected, strict=False)) if a != b), None)
        line = text[:diff_at].count("\n") + 1 if diff_at is not None else min(text.count("\n"), expected.count("\n"))
        pytest.fail(
            f"output differs from {path} (first difference on line {line}); "
            "if the change is intended, run: python -m pytest --update-golden"
        )
