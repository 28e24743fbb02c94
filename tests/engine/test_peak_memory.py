"""Memory grows with the largest file plus a compact index, not with the sum of the files (issues 13, 15).

Each lint runs in a child process on one CPU (so no worker pool: the same path at both sizes)
and its peak RSS comes from ``wait4``. Only ratios are asserted: the extra peak per extra
megabyte of check-in log text between 2 and 8 logs. Before the columnar check-in store a row
cost 4-8 times its text (CSV 7.8, YAML 3.7 MB of peak per MB of logs); now about 0.5.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from linting import write_repo

pytestmark = pytest.mark.skipif(not hasattr(os, "wait4") or not hasattr(os, "sched_setaffinity"), reason="Linux only")

OKR = (
    "team: demo\nperiod: 2026-Q4\nowner: o@example.com\nobjectives:\n  - id: grow\n    title: Grow\n"
    "    key_results:\n"
    "      - {id: revenue, title: Raise revenue from 100 to 200, baseline: 100, target: 200, unit: k}\n"
)
LOG_BYTES = 500_000
MB_PER_MB = 2.0  # the most peak memory an extra megabyte of check-in logs may add


def _csv_log(seed: int) -> str:
    rows = LOG_BYTES // 55
    lines = ["date,kr,value,confidence,author,note"]
    for i in range(rows):
        day = i * 90 // rows
        lines.append(f"{date(2026, 10, 1) + timedelta(days=day)},demo/grow/revenue,{100 + day},0.5,a{seed}@x.io,n {i}")
    return "\n".join(lines) + "\n"


def _yaml_log(seed: int) -> str:
    rows = LOG_BYTES // 105
    lines = ["team: demo", "period: 2026-Q4", "checkins:"]
    for i in range(rows):
        day = i * 90 // rows
        lines += [f"  - date: {date(2026, 10, 1) + timedelta(days=day)}", "    kr: grow/revenue"]
        lines += [f"    value: {100 + day}", f"    author: a{seed}@example.com", f"    note: n{i}"]
    return "\n".join(lines) + "\n"


# The child keeps to one CPU, so okrlint starts no worker pool at either size.
_ONE_CPU = (
    "import os, runpy; os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}); "
    "runpy.run_module('okrlint', run_name='__main__')"
)


def _peak_mb(root: Path) -> float:
    """Return the peak RSS (MB) of a cold ``okrlint lint`` of ``root`` in a child process on one CPU."""
    command = [sys.executable, "-c", _ONE_CPU, "lint", "--no-cache", "--no-progress", "--as-of", "2026-12-31"]
    with tempfile.TemporaryFile() as output:
        child = subprocess.Popen(command, cwd=root, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)  # the child's own peak (Popen.wait would discard it)
        child.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        assert child.returncode == 0, output.read().decode()
    return usage.ru_maxrss / 1024


@pytest.mark.parametrize(("suffix", "log"), [("csv", _csv_log), ("yaml", _yaml_log)])
def test_peak_memory_grows_far_less_than_the_logs(tmp_path: Path, suffix: str, log: Callable[[int], str]) -> None:
    peaks, sizes = [], []
    for count in (2, 8):
        root = tmp_path / f"{count}"
        logs = {f"okrs/log{k}.{suffix}": log(k) for k in range(count)}
        write_repo(root, {"okrs/demo.yaml": OKR, **logs}, {"paths": ["okrs"]})
        sizes.append(sum(len(text) for text in logs.values()) / 1e6)
        peaks.append(_peak_mb(root))
    per_mb = (peaks[1] - peaks[0]) / (sizes[1] - sizes[0])
    assert per_mb < MB_PER_MB, f"{per_mb:.2f} MB of peak per MB of {suffix} logs (peaks {peaks} MB)"
