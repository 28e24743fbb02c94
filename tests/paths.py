"""Where the tests find the repository and their shared data, wherever in tests/ a test module sits."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
