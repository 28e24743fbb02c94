"""Find the command-line tools the tests drive: those of the environment the tests run in first."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def console_script(name: str) -> str | None:
    """Return the path of ``name`` installed beside this Python (activated or not), else on ``PATH``."""
    beside = Path(sys.executable).parent / name
    if beside.is_file():
        return str(beside)
    return shutil.which(name)


def checkins_at_once(
    repo: Path, rows: list[tuple[str, str]], ref: str = "shop/checkout/latency"
) -> list[tuple[int, str]]:
    """Start one ``okrlint checkin REF VALUE --date DAY`` process per ``(value, day)`` at once, in ``repo``.

    Return each process's exit code and stderr, in the order of ``rows``.
    """
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    command = [sys.executable, "-m", "okrlint", "checkin", ref]
    processes = [
        subprocess.Popen(
            [*command, value, "--date", day],
            cwd=repo,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for value, day in rows
    ]
    return [(p.wait(timeout=120), p.communicate()[1]) for p in processes]
