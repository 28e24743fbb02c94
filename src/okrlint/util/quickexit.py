"""End the process without tearing the interpreter down: a run's last ~15 ms, spent freeing every module."""

from __future__ import annotations

import atexit
import os
import sys
import threading
from typing import NoReturn


def quick_exit(code: int) -> NoReturn:
    """Exit with ``code`` as ``sys.exit`` does, minus the teardown of modules and objects nobody reads.

    Standard output and error are flushed and the exit handlers run (``atexit``, so coverage and
    ``weakref.finalize`` still work). With another thread alive, or output that cannot be flushed
    (a closed pipe), the process exits the usual way and Python reports what it always reports.
    """
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        sys.exit(code)
    if threading.active_count() > 1:
        sys.exit(code)
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        sys.exit(code)
    os._exit(code)
