"""A progress line on stderr for long runs: shown only on a terminal, only after about a second."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO, TypeVar

T = TypeVar("T")

# Output formats read by programs: progress never mixes with them, whatever stream it goes to.
MACHINE_FORMATS = frozenset({"json", "sarif", "github"})
DELAY = 1.0  # seconds of work before the line appears: short runs stay silent
_REDRAW = 0.1
_WIDTH = 24


def show_progress(enabled: bool, output_format: str, stream: TextIO) -> bool:
    """Return True when progress should be drawn on ``stream``: asked for, human output, a terminal."""
    if not enabled or output_format in MACHINE_FORMATS:
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False


class Progress:
    """A one-line progress bar that appears after ``delay`` seconds and is erased when closed."""

    def __init__(self, stream: TextIO, *, delay: float = DELAY, clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.delay = delay
        self.clock = clock
        self.started = clock()
        self.label = ""
        self.total = 0
        self.done = 0
        self.drawn_at: float | None = None
        self.width = 0

    def phase(self, label: str, total: int) -> None:
        """Start counting ``total`` steps of a new phase named ``label``."""
        self.label, self.total, self.done = label, total, 0
        self._draw(force=self.drawn_at is not None)

    def advance(self, count: int = 1) -> None:
        """Count ``count`` steps done; redraw at most ten times a second."""
        self.done += count
        self._draw()

    def track(self, items: Iterable[T]) -> Iterator[T]:
        """Yield ``items``, counting a step after each."""
        for item in items:
            yield item
            self.advance()

    def _draw(self, force: bool = False) -> None:
        now = self.clock()
        if now - self.started < self.delay:
            return
        if not force and self.drawn_at is not None and now - self.drawn_at < _REDRAW and self.done < self.total:
            return
        share = min(1.0, self.done / self.total) if self.total else 0.0
        filled = int(share * _WIDTH)
        line = f"{self.label} [{'#' * filled}{'-' * (_WIDTH - filled)}] {self.done}/{self.total}"
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.width = max(self.width, len(line))
        self.drawn_at = now

    def close(self) -> None:
        """Erase the line if it was drawn, so the output that follows starts on a clean line."""
        if self.drawn_at is not None:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.drawn_at = None
