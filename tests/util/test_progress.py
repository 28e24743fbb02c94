"""Progress on stderr: only on a terminal, only for human output, only after about a second, erased after."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from okrlint.commands.common import progress_for
from okrlint.util.progress import Progress, show_progress
from paths import REPO


class Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(
    ("enabled", "fmt", "tty", "expected"),
    [
        (True, "text", True, True),
        (True, "html", True, True),
        (True, "md", True, True),
        (False, "text", True, False),
        (True, "text", False, False),
        (True, "json", True, False),
        (True, "sarif", True, False),
        (True, "github", True, False),
    ],
)
def test_when_progress_shows(enabled: bool, fmt: str, tty: bool, expected: bool) -> None:
    stream = Terminal() if tty else io.StringIO()
    assert show_progress(enabled, fmt, stream) is expected


def test_a_stream_without_isatty_shows_nothing() -> None:
    assert show_progress(True, "text", object()) is False  # type: ignore[arg-type]


def test_nothing_is_drawn_in_the_first_second_and_the_line_is_erased() -> None:
    stream, clock = Terminal(), Clock()
    progress = Progress(stream, clock=clock)
    progress.phase("Loading files", 4)
    progress.advance()
    assert stream.getvalue() == ""
    clock.now += 1.5
    progress.advance()
    assert stream.getvalue().endswith("Loading files [############------------] 2/4")
    clock.now += 0.01
    progress.advance()  # too soon to redraw
    assert "3/4" not in stream.getvalue()
    progress.advance()  # the last step is always drawn
    assert stream.getvalue().endswith("4/4")
    progress.close()
    assert stream.getvalue().endswith("\r" + " " * len("Loading files [########################] 4/4") + "\r")


def test_a_short_run_leaves_no_trace() -> None:
    stream = Terminal()
    progress = Progress(stream, clock=Clock())
    list(progress.track(range(10)))
    progress.close()
    assert stream.getvalue() == ""


def test_progress_for_yields_none_off_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with progress_for(True, "text") as shown:
        assert shown is None
    monkeypatch.setattr(sys, "stderr", Terminal())
    with progress_for(True, "json") as shown:
        assert shown is None
    with progress_for(True, "text") as shown:
        assert isinstance(shown, Progress)


def test_lint_off_a_terminal_prints_nothing_on_stderr(tmp_path: Path) -> None:
    org = tmp_path / "org"
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "generate.py"), str(org), "--teams", "3"], check=True)
    command = [sys.executable, "-m", "okrlint", "lint", "--no-cache", "--as-of", "2026-12-31"]
    for extra in ([], ["--no-progress"], ["--format", "json"]):
        done = subprocess.run([*command, *extra], cwd=org, capture_output=True, text=True, check=False)
        assert done.returncode == 0 and done.stderr == ""
