"""Load many files at once: from the cache when it has them, else parsed in a process pool.

Results come back in the order of the files given, identical to loading them one by one:
workers send the plain-data form of each load result (``treecodec``), never live objects.
"""

from __future__ import annotations

import gc
import marshal
import multiprocessing
import os
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

from okrlint.cache import LintCache, Stamp, unchanged
from okrlint.config import Config
from okrlint.files import SourceFile
from okrlint.loader import LoadedFile, load_file
from okrlint.treecodec import decode_loaded, encode_loaded
from okrlint.yamlload import Limits

# Below this many bytes to parse, starting worker processes costs more than it saves.
PARALLEL_MIN_BYTES = 2_000_000


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a repository loads (also usable as a decorator).

    Loading builds millions of small, acyclic objects that reference counting frees; the
    collector would rescan them all again and again (about 40 % of load and build time).
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def workers() -> int:
    """Return how many processes may parse at once (the CPUs this process may use)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _load_encoded(job: tuple[str, str, int, int, int]) -> bytes:
    """Worker: load one file and return its load result as marshal bytes."""
    rel, path, max_file_bytes, max_nodes, max_depth = job
    from pathlib import Path

    loaded = load_file(SourceFile(rel, Path(path)), max_file_bytes, Limits(max_nodes, max_depth))
    return marshal.dumps(encode_loaded(loaded))


def _parse_all(config: Config, files: Sequence[SourceFile], jobs: int) -> list[tuple[LoadedFile, Any]]:
    """Load ``files`` (in order), in ``jobs`` processes when it pays; return results with their data."""
    size = sum(_size(f) for f in files)
    if jobs < 2 or len(files) < 2 * jobs or size < PARALLEL_MIN_BYTES:
        loaded = [load_file(f, config.max_file_bytes, config.limits) for f in files]
        return [(item, None) for item in loaded]
    # The main process parses its own share while the workers parse the rest: on few cores
    # it would otherwise sit idle, then spend its time decoding what the workers send back.
    mine = set(range(0, len(files), jobs))
    tasks = [
        (f.rel, str(f.path), config.max_file_bytes, config.max_nodes, config.max_depth)
        for i, f in enumerate(files)
        if i not in mine
    ]
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    chunk = max(1, min(16, len(tasks) // ((jobs - 1) * 8)))
    results: list[tuple[LoadedFile, Any]] = []
    with ProcessPoolExecutor(jobs - 1, mp_context=multiprocessing.get_context(method)) as pool:
        remote = pool.map(_load_encoded, tasks, chunksize=chunk)
        local = {i: load_file(files[i], config.max_file_bytes, config.limits) for i in sorted(mine)}
        for i, source in enumerate(files):
            if i in local:
                results.append((local[i], None))
            else:
                data = marshal.loads(next(remote))
                results.append((decode_loaded(source, data), data))
    return results


def _size(source: SourceFile) -> int:
    try:
        return source.path.stat().st_size
    except OSError:
        return 0


def load_files(
    config: Config,
    files: Sequence[SourceFile],
    cache: LintCache | None = None,
    stamps: Mapping[str, Stamp | None] | None = None,
    jobs: int | None = None,
) -> list[LoadedFile]:
    """Load ``files`` in order, reusing and filling ``cache`` for files whose ``stamps`` are known."""
    stamps = stamps or {}
    found: dict[str, LoadedFile] = {}
    if cache is not None:
        for source in files:
            seen = stamps.get(source.rel)
            data = cache.read("files", cache.file_key(seen.content)) if seen is not None else None
            if data is not None:
                try:
                    found[source.rel] = decode_loaded(source, data)
                except (TypeError, ValueError, IndexError):
                    continue  # an entry of another shape: load the file again
    missing = [f for f in files if f.rel not in found]
    for source, (loaded, data) in zip(missing, _parse_all(config, missing, jobs or workers()), strict=True):
        found[source.rel] = loaded
        seen = stamps.get(source.rel)
        if cache is not None and seen is not None and unchanged(source, seen):
            cache.write("files", cache.file_key(seen.content), data if data is not None else encode_loaded(loaded))
    return [found[f.rel] for f in files]
