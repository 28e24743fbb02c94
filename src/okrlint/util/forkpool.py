"""Share CPU-bound work with forked worker processes while this process does its own part.

Used where one run does a lot of independent work (parsing many files, rendering many report
pages): the workers are forked, so they start at once with everything this process already
holds; at most ``window`` chunks are sent and not yet read, so results never pile up.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Executor

T = TypeVar("T")


def cpus() -> int:
    """Return how many processes may work at once (the CPUs this process may use)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Return True when worker processes can be forked (they then share what this process holds)."""
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


@contextmanager
def fork_pool(processes: int) -> Iterator[Executor]:
    """Yield a pool of ``processes`` worker processes, forked where the platform can."""
    import multiprocessing  # only when working in parallel: a small run never pays for the import
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if can_fork() else None
    with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context(method)) as pool:
        yield pool


def in_window(pool: Executor, work: Callable[[Any], T], chunks: Iterable[Any], window: int) -> Iterator[T]:
    """Yield ``work(chunk)`` for each of ``chunks`` in order, with at most ``window`` chunks sent and not yet read.

    Workers that finish faster than this process reads their results wait instead of piling
    them up: memory grows with the window, not with the work.
    """
    rest = iter(chunks)
    pending = deque(pool.submit(work, chunk) for chunk in islice(rest, window))
    while pending:
        result = pending.popleft().result()
        following = next(rest, None)
        if following is not None:
            pending.append(pool.submit(work, following))
        yield result
