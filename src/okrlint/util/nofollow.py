"""Files of one folder tree, reached without ever following a symbolic link (the cache's file system).

Every folder below the trusted root is opened relative to its parent's descriptor with
``O_NOFOLLOW | O_DIRECTORY``, and every file with ``O_NOFOLLOW``, so a link planted anywhere
in the tree (as a folder, an entry or a tag) makes the operation fail with ``UnsafeTree``
instead of reading, writing or deleting whatever the link points at. Holding descriptors
also closes the window between checking a path and using it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
_FILE_FLAGS = os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)


class UnsafeTree(OSError):
    """A part of the tree is a symbolic link or not of the expected kind."""


def _refuse(error: OSError, name: str) -> None:
    """Raise ``UnsafeTree`` for the errors a link or a wrong kind of file raise."""
    if error.errno in (errno.ELOOP, errno.ENOTDIR, errno.EISDIR, errno.EMLINK):
        raise UnsafeTree(error.errno, f"{name} is a symbolic link or not of the expected kind") from error


@contextmanager
def folder(root: Path, parts: Sequence[str], create: bool = False) -> Iterator[int]:
    """Yield a descriptor of ``root/parts…``, each part opened without following links (made when ``create``)."""
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0))
    try:
        for part in parts:
            parent, fd = fd, -1
            try:
                fd = _open_child(parent, part, create)
            finally:
                os.close(parent)
        yield fd
    finally:
        if fd >= 0:
            os.close(fd)


def _open_child(parent: int, name: str, create: bool) -> int:
    """Open folder ``name`` of ``parent`` without following a link and return its descriptor."""
    try:
        try:
            child = os.open(name, _DIR_FLAGS, dir_fd=parent)
        except FileNotFoundError:
            if not create:
                raise
            # made by a concurrent run meanwhile (or a link planted meanwhile: the open below refuses it)
            with suppress(FileExistsError):
                os.mkdir(name, 0o755, dir_fd=parent)
            child = os.open(name, _DIR_FLAGS, dir_fd=parent)
    except OSError as error:
        _refuse(error, name)
        raise
    return child


def kind(fd: int, name: str) -> int | None:
    """Return the ``st_mode`` file type of ``name`` in folder ``fd`` (a link is a link), None when missing."""
    try:
        return stat.S_IFMT(os.stat(name, dir_fd=fd, follow_symlinks=False).st_mode)
    except FileNotFoundError:
        return None


def read(fd: int, name: str, touch: bool = False) -> bytes:
    """Return the bytes of regular file ``name`` in folder ``fd``; a link or anything else is ``UnsafeTree``.

    ``touch`` sets its modification time to now (through the open file: no path is followed again).
    """
    try:
        handle = os.open(name, os.O_RDONLY | _FILE_FLAGS | getattr(os, "O_NONBLOCK", 0), dir_fd=fd)
    except OSError as error:
        _refuse(error, name)
        raise
    with os.fdopen(handle, "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            raise UnsafeTree(errno.EINVAL, f"{name} is not a regular file")
        data = stream.read()
        if touch and os.utime in os.supports_fd:
            with contextlib.suppress(OSError):  # a read-only cache still reads
                os.utime(stream.fileno())
        return data


def replace(fd: int, name: str, data: bytes) -> None:
    """Write ``data`` as ``name`` in folder ``fd`` atomically: a new file renamed over the old entry."""
    temp = f".tmp-{os.urandom(8).hex()}"
    handle = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _FILE_FLAGS, 0o644, dir_fd=fd)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp, name, src_dir_fd=fd, dst_dir_fd=fd)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp, dir_fd=fd)
        raise


def create(fd: int, name: str, data: bytes) -> None:
    """Create regular file ``name`` in folder ``fd`` unless it exists; an existing non-file entry is unsafe."""
    found = kind(fd, name)
    if found is None:
        with suppress(FileExistsError):
            replace(fd, name, data)
        found = kind(fd, name)
    if found != stat.S_IFREG:
        raise UnsafeTree(errno.EINVAL, f"{name} is a symbolic link or not a regular file")


def _entries(fd: int, owned: Callable[[str], bool]) -> list[tuple[int, str]]:
    """Return (modification time, name) of the regular files of folder ``fd`` that ``owned`` accepts.

    A link or folder among the entries makes the whole folder unsafe (UnsafeTree): nothing is removed.
    """
    entries: list[tuple[int, str]] = []
    with os.scandir(fd) as listing:
        for entry in listing:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode):
                raise UnsafeTree(errno.EINVAL, f"{entry.name} is a symbolic link or not a regular file")
            if owned(entry.name):
                entries.append((info.st_mtime_ns, entry.name))
    return entries


def _remove(fd: int, names: Iterable[str]) -> None:
    for name in names:
        try:
            os.unlink(name, dir_fd=fd)
        except OSError:
            continue


def prune(fd: int, keep: int, owned: Callable[[str], bool]) -> None:
    """Remove all but the ``keep`` newest regular files of folder ``fd`` whose names ``owned`` accepts."""
    _remove(fd, [name for _, name in sorted(_entries(fd, owned), reverse=True)[keep:]])


def remove_unlisted(fd: int, live: Container[str], before_ns: int, owned: Callable[[str], bool]) -> None:
    """Remove the files of folder ``fd`` that ``owned`` accepts, ``live`` does not name and older than ``before_ns``."""
    _remove(fd, [name for written, name in _entries(fd, owned) if written < before_ns and name not in live])
