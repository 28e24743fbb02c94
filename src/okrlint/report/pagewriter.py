"""Write the HTML report's pages into its folder one at a time; many team pages render in forked workers too.

Each page is written atomically as soon as it is rendered (a page that already holds exactly
the new text is left alone), and team pages come from the page store when their digest is
known. A period with many teams shares its team pages with worker processes forked from this
one (they hold the same view, templates and store): each worker renders and writes its own
pages and sends back only their names, so the folder ends exactly as one process would leave it.
"""

from __future__ import annotations

import gc
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from jinja2.sandbox import ImmutableSandboxedEnvironment

from okrlint import __version__
from okrlint.report.environment import render_template
from okrlint.report.pagecache import PageStore, navigation_digest, team_page_digest
from okrlint.util.atomic import write_atomic
from okrlint.util.errors import UserError
from okrlint.util.forkpool import can_fork, cpus, fork_pool, in_window

__all__ = ["PARALLEL_MIN_PAGES", "PageWriter", "guard"]

# From this many team pages in one period, worker processes render a share of them.
PARALLEL_MIN_PAGES = 64
_CHUNK = 8  # team pages a worker renders per task
_TeamJob = tuple["PageWriter", dict[str, Any], str, str]
_SHARED: _TeamJob | None = None  # what forked workers render from (set only while they run)


def guard(out_dir: Path, action: Callable[[], Any]) -> Any:
    """Run a step that touches the output folder; turn an OS error into a clear one-line error."""
    try:
        return action()
    except OSError as error:
        where = error.filename or out_dir
        raise UserError(f"{where}: cannot write the HTML report: {error.strerror or error}") from None


def _write_page(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` atomically; a regular file that already holds exactly ``text`` is left alone."""
    payload = text.encode("utf-8")
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))  # no link, no FIFO wait
    except OSError:
        handle = -1
    if handle >= 0:
        with os.fdopen(handle, "rb") as stream:
            info = os.fstat(stream.fileno())
            if stat.S_ISREG(info.st_mode) and info.st_size == len(payload) and stream.read() == payload:
                return
    write_atomic(path, payload)


class PageWriter:
    """Render pages into the output folder, reusing stored team pages; remember what was written."""

    def __init__(self, env: ImmutableSandboxedEnvironment, out_dir: Path, store: PageStore | None) -> None:
        self.env, self.out_dir, self.store = env, out_dir, store
        self.written: set[str] = set()
        self.base = out_dir
        self.tick: Callable[[], None] = lambda: None

    def write(self, name: str, text: str) -> None:
        """Write page ``name`` and count it."""
        self._put(name, text)
        self.tick()

    def _put(self, name: str, text: str) -> None:
        guard(self.out_dir, lambda: _write_page(self.out_dir / name, text))
        self.written.add(name)

    def period(self, view: dict[str, Any], prefix: str, index_context: dict[str, Any]) -> None:
        """Write one period's index and team pages under ``prefix``."""
        self.write(f"{prefix}index.html", render_template(self.env, "index.html.j2", index_context))
        self.write_team_pages(view, prefix)

    def team_page(self, view: dict[str, Any], prefix: str, index: int, navigation: str = "") -> tuple[str, str]:
        """Return the name and text of team ``index``'s page, from the store when its digest is known."""
        team = view["teams"][index]
        name = f"{prefix}teams/{team['id']}.html"
        up = "../" * prefix.count("/")
        context = {**view, "root": "../", "site": up + "../", "team": team, "history_page": False}
        if self.store is None:
            return name, render_template(self.env, "team.html.j2", context)
        digest = team_page_digest(name, context, navigation or navigation_digest(view["teams"]), __version__)
        text = self.store.get(name, digest)
        if text is None:
            text = render_template(self.env, "team.html.j2", context)
            self.store.put(name, digest, text)
        return name, text

    def write_team_pages(self, view: dict[str, Any], prefix: str, start: int = 0) -> None:
        """Write the team pages of one period from team ``start`` on, sharing them with workers when there are many."""
        global _SHARED
        navigation = navigation_digest(view["teams"]) if self.store is not None else ""
        indices = range(start, len(view["teams"]))
        jobs = cpus()
        if jobs < 2 or len(indices) < PARALLEL_MIN_PAGES or not can_fork():
            for index in indices:
                self.write(*self.team_page(view, prefix, index, navigation))
            return
        chunks = [indices[i : i + _CHUNK] for i in range(0, len(indices), _CHUNK)]
        _SHARED = (self, view, prefix, navigation)
        gc.freeze()  # the workers' collectors never scan (and so never copy) the view and model they were forked with
        try:
            with fork_pool(jobs - 1) as pool:
                theirs = in_window(pool, _render_chunk, [c for n, c in enumerate(chunks) if n % jobs], 2 * (jobs - 1))
                for n, chunk in enumerate(chunks):
                    for name in _each(chunk, view, prefix, navigation, self) if n % jobs == 0 else next(theirs):
                        self.written.add(name)
                        self.tick()
        finally:
            _SHARED = None
            gc.unfreeze()


def _each(chunk: range, view: dict[str, Any], prefix: str, navigation: str, writer: PageWriter) -> Iterator[str]:
    """Render and write the team pages of ``chunk`` in this process, yielding each name once written."""
    for index in chunk:
        name, text = writer.team_page(view, prefix, index, navigation)
        writer._put(name, text)
        yield name


def _render_chunk(chunk: range) -> list[str]:
    """Worker: render and write the team pages of ``chunk`` (from the view the parent shared) and name them."""
    assert _SHARED is not None, "forked without a shared view"
    writer, view, prefix, navigation = _SHARED
    return list(_each(chunk, view, prefix, navigation, writer))
