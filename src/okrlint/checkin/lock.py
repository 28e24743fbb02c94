"""The operating system's advisory lock on the folder of the file being edited, so two writers never interleave.

``fcntl.flock`` on the folder itself: nothing is created or written to take the lock (a full
disk cannot leave a half-made lock behind), the kernel releases it when its holder exits or is
killed (no stale lock to detect or break), and a waiter gives up after ``timeout`` seconds with
a clear message.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from okrlint.util.errors import UserError

_POLL = 0.02  # seconds between attempts while another writer holds the lock


class LockTimeout(UserError):
    """Another writer held the lock for longer than the timeout."""


def lock_target(target: Path) -> Path:
    """Return what is locked to guard ``target``: the folder that holds it."""
    return target.parent


@contextmanager
def file_lock(target: Path, *, timeout: float = 10.0) -> Iterator[Path]:
    """Hold the lock that guards ``target`` for the duration of the block; raise LockTimeout when it stays taken."""
    folder = lock_target(target)
    try:
        handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise UserError(f"{folder}: cannot open the folder to lock it: {error.strerror or error}") from None
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockTimeout(
                        f"{target}: another okrlint checkin has been writing in {folder} for {timeout:g} s; "
                        "try again when it is done"
                    ) from None
                time.sleep(_POLL)
            except OSError as error:
                raise UserError(f"{folder}: cannot lock the folder: {error.strerror or error}") from None
        yield folder
    finally:
        os.close(handle)  # closing the last descriptor releases the lock
