"""Stamps (content hashes) of many files without reading the unchanged ones, as git's index does.

The cache keeps, per path, the size, modification and change times, inode and content hash a
file had when it was last hashed. A file whose ``stat`` still matches is not read again,
unless it was modified within ``RACY_NS`` of the moment the index was written (an edit in
that window could keep every stat field), in which case it is hashed as usual.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from typing import Any

from okrlint.engine.cache import LintCache, Stamp, stamp
from okrlint.source.files import SourceFile

RACY_NS = 2_000_000_000
_LAYER = "stamps"
# A run that hashed at most this many files again (a pre-commit run after an edit) leaves the index
# as it was: those few files cost a hash each next time, not a rewrite of every file's entry now.
REHASHED_UNSAVED = 8


def _entry(result: os.stat_result) -> tuple[int, int, int, int]:
    return (result.st_size, result.st_mtime_ns, result.st_ctime_ns, result.st_ino)


def indexed_stamps(store: LintCache, files: Sequence[SourceFile], max_file_bytes: int) -> dict[str, Stamp | None]:
    """Return the stamp of each of ``files`` (None when too big or unreadable), reusing and updating the index."""
    key = store.file_key("stamp-index")
    data: Any = store.read(_LAYER, key)
    written, index = data if isinstance(data, tuple) and len(data) == 2 and isinstance(data[1], dict) else (0, {})
    stamps: dict[str, Stamp | None] = {}
    fresh: dict[str, tuple[int, int, int, int, str]] = {}
    reused = 0
    for source in files:
        try:
            seen = _entry(os.stat(source.path))
        except OSError:
            stamps[source.rel] = None
            continue
        old = index.get(source.rel)
        if (
            type(old) is tuple
            and len(old) == 5
            and old[:4] == seen
            and type(content := old[4]) is str
            and seen[0] <= max_file_bytes
            and seen[1] < written - RACY_NS
        ):
            stamps[source.rel] = Stamp(content, seen[0], seen[1])
            fresh[source.rel] = old  # the same five values
            reused += 1
            continue
        found = stamps[source.rel] = stamp(source, max_file_bytes)
        if found is not None and (found.size, found.mtime_ns) == seen[:2]:
            fresh[source.rel] = (*seen, found.content)
    if len(fresh) - reused > REHASHED_UNSAVED or fresh.keys() != index.keys():
        store.write(_LAYER, key, (time.time_ns(), fresh))
    return stamps
