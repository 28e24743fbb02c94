"""quick_exit ends the process like sys.exit, output and exit handlers included, without the teardown."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from paths import REPO

PRELUDE = """
import atexit, sys, threading, time
from okrlint.util.quickexit import quick_exit

class Noisy:
    def __del__(self):
        sys.stderr.write("torn down\\n")

kept = Noisy()
atexit.register(lambda: sys.stderr.write("exit handler ran\\n"))
sys.stdout.write("x" * 100_000)
"""


def _run(body: str) -> subprocess.CompletedProcess[str]:
    code = PRELUDE + textwrap.dedent(body)
    env = {"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)


def test_output_exit_code_and_exit_handlers_are_kept_and_the_teardown_skipped() -> None:
    done = _run("quick_exit(3)")
    assert done.returncode == 3
    assert done.stdout == "x" * 100_000
    assert "exit handler ran" in done.stderr
    assert "torn down" not in done.stderr  # sys.exit(3) would free ``kept`` and print it


def test_a_thread_still_running_is_waited_for_as_by_sys_exit() -> None:
    done = _run(
        """
        def late():
            time.sleep(0.2)
            sys.stdout.write("late thread done")
        threading.Thread(target=late).start()
        quick_exit(1)
        """
    )
    assert done.returncode == 1
    assert done.stdout.endswith("late thread done")
    assert "exit handler ran" in done.stderr
