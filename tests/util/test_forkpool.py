"""The fork pool's window: workers never run more than a few chunks ahead of the reader; results keep their order."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from okrlint.util.forkpool import cpus, fork_pool, in_window


class _Pool:
    """Stands in for the process pool: runs the work at once, and counts the chunks submitted and not yet read."""

    def __init__(self) -> None:
        self.outstanding = 0
        self.most = 0

    def submit(self, fn: Callable[..., Any], chunk: list[int]) -> _Result:
        self.outstanding += 1
        self.most = max(self.most, self.outstanding)
        return _Result(self, fn(chunk))


class _Result:
    def __init__(self, pool: _Pool, value: Any) -> None:
        self.pool, self.value = pool, value

    def result(self) -> Any:
        self.pool.outstanding -= 1
        return self.value


def test_workers_run_at_most_a_window_ahead() -> None:
    fake = _Pool()
    results = in_window(fake, sum, [[i, i + 100] for i in range(50)], 3)  # type: ignore[arg-type]
    assert next(results) == 100
    assert fake.most == 3
    assert list(results)[-2:] == [196, 198]
    assert fake.most == 3 and fake.outstanding == 0


def test_real_workers_return_results_in_order() -> None:
    chunks = [list(range(i, i + 5)) for i in range(0, 100, 5)]
    with fork_pool(2) as pool:
        assert list(in_window(pool, sum, chunks, 2)) == [sum(c) for c in chunks]


def test_at_least_one_cpu() -> None:
    assert cpus() >= 1
