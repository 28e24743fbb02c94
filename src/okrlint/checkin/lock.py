"""A lock file beside the file being edited, so two writers never interleave a read-modify-write.

The lock is ``<file>.lock``, created with O_CREAT|O_EXCL and holding the owner's process id.
A lock whose owner process is gone (on this host) or that is older than ``stale_after``
seconds is taken over; otherwise the writer waits up to ``timeout`` seconds and gives up
with a clear message.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from okrlint.util.errors import UserError


class LockTimeout(UserError):
    """Another writer held the lock for longer than the timeout."""


def lock_path(target: Path) -> Path:
    """Return the lock file that guards ``target``."""
    return target.with_name(target.name + ".lock")


def _owner_gone(lock: Path) -> bool:
    try:
        pid = int(lock.read_text(encoding="ascii").strip() or "0")
    except (OSError, ValueError):
        return False
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def _stale(lock: Path, stale_after: float) -> bool:
    try:
        age = time.time() - lock.stat().st_mtime
    except FileNotFoundError:
        return False
    return age > stale_after or _owner_gone(lock)


@contextmanager
def file_lock(target: Path, *, timeout: float = 10.0, stale_after: float = 60.0) -> Iterator[Path]:
    """Hold ``<target>.lock`` for the duration of the block; raise LockTimeout when it stays taken."""
    lock = lock_path(target)
    deadline = time.monotonic() + timeout
    while True:
        try:
            handle = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            if _stale(lock, stale_after):
                lock.unlink(missing_ok=True)
                continue
            if time.monotonic() >= deadline:
                raise LockTimeout(
                    f"{lock}: another okrlint checkin is writing {target.name}; try again, or delete the lock "
                    "file if no checkin is running"
                ) from None
            time.sleep(0.02)
            continue
        except OSError as error:
            raise UserError(f"{lock}: cannot create the lock file: {error.strerror or error}") from None
        with os.fdopen(handle, "w", encoding="ascii") as stream:
            stream.write(f"{os.getpid()}\n")
        break
    try:
        yield lock
    finally:
        lock.unlink(missing_ok=True)
