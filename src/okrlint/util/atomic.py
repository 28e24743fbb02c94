"""Write files so that a reader sees the old content or the new one, never half of it."""

from __future__ import annotations

import os
from pathlib import Path


def write_atomic(path: Path, data: str | bytes, encoding: str = "utf-8") -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename."""
    import tempfile  # ~4 ms of imports (random, shutil, bz2, lzma) that a run writing nothing does without

    payload = data.encode(encoding) if isinstance(data, str) else data
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o7777 if path.exists() else None
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temp_name, mode)
        else:
            os.chmod(temp_name, 0o666 & ~_umask())
        _before_replace(Path(temp_name), path)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _before_replace(temp: Path, target: Path) -> None:
    """Hook for fault-injection tests: runs after the temporary file is complete."""


def link_on_the_way(path: Path, root: Path) -> Path | None:
    """Return the first symbolic link on the way from ``root`` down to ``path`` (itself included), else None.

    Output that lands inside the repository must not go through a link (SPEC §7: a pull request
    can commit ``site -> /home/runner`` or ``okrs -> /elsewhere``). A path outside ``root`` as
    written is the user's own choice and is not checked.
    """
    full, top = Path(os.path.abspath(path)), Path(os.path.abspath(root))
    try:
        parts = full.relative_to(top).parts
    except ValueError:
        return None
    current = top
    for part in parts:
        current = current / part
        if current.is_symlink():
            return current
    return None
