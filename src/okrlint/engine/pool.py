"""Load many files at once: from the cache when it has them, else parsed in a process pool.

Results come back in the order of the files given, identical to loading them one by one:
workers send the plain-data form of each load result (``treecodec``), never live objects.
"""

from __future__ import annotations

import marshal
from collections.abc import Iterator, Mapping, Sequence
from itertools import chain
from typing import Any

from okrlint.config import Config
from okrlint.engine.cache import LintCache, Stamp, unchanged
from okrlint.engine.treecodec import decode_loaded, encode_loaded, with_built_log
from okrlint.source.files import SourceFile
from okrlint.source.loader import LoadedFile, load_file
from okrlint.source.yamlload import Limits
from okrlint.util.forkpool import cpus, fork_pool, in_window
from okrlint.util.heap import return_large_blocks

# Below this many bytes to parse, starting worker processes costs more than it saves.
PARALLEL_MIN_BYTES = 1_000_000
# From this many bytes of files, freed file texts and trees must go back to the system (``util.heap``).
LARGE_LOAD_BYTES = 2_000_000


Job = tuple[str, str, int, int, int, int]  # rel, path, max_file_bytes, max_nodes, max_depth, fiscal year start


def _load(config: Config, source: SourceFile) -> LoadedFile:
    """Load one file; a check-in log comes back built (``treecodec.with_built_log``)."""
    return with_built_log(load_file(source, config.max_file_bytes, config.limits), config.fiscal_year_start_month)


def _load_encoded(job: Job) -> bytes:
    """Worker: load one file and return its load result as marshal bytes."""
    rel, path, max_file_bytes, max_nodes, max_depth, fiscal_year_start_month = job
    from pathlib import Path

    loaded = load_file(SourceFile(rel, Path(path)), max_file_bytes, Limits(max_nodes, max_depth, max_file_bytes))
    return marshal.dumps(encode_loaded(with_built_log(loaded, fiscal_year_start_month)))


def _load_chunk(jobs: list[Job]) -> list[bytes]:
    """Worker: load a few files (see ``_load_encoded``)."""
    return [_load_encoded(job) for job in jobs]


def _parse_all(
    config: Config, files: Sequence[SourceFile], jobs: int, keep_data: bool = True
) -> Iterator[tuple[LoadedFile, Any]]:
    """Load ``files`` (in order), in ``jobs`` processes when it pays; yield results with their data.

    Results are yielded one at a time so the caller can build and drop each located tree; the
    plain data a worker sent comes along only with ``keep_data`` (for the cache).
    """
    size = sum(_size(f) for f in files)
    if jobs < 2 or len(files) < 2 * jobs or size < PARALLEL_MIN_BYTES:
        for source in files:
            yield _load(config, source), None
        return
    # The main process parses its own share while the workers parse the rest: on few cores
    # it would otherwise sit idle, then spend its time decoding what the workers send back.
    mine = set(range(0, len(files), jobs))
    tasks = [
        (f.rel, str(f.path), config.max_file_bytes, config.max_nodes, config.max_depth, config.fiscal_year_start_month)
        for i, f in enumerate(files)
        if i not in mine
    ]
    chunk = max(1, min(16, len(tasks) // ((jobs - 1) * 8)))
    chunks = _growing(tasks, chunk)
    with fork_pool(jobs - 1) as pool:
        remote = chain.from_iterable(in_window(pool, _load_chunk, chunks, 2 * (jobs - 1)))
        for i, source in enumerate(files):
            if i in mine:
                yield _load(config, source), None
            elif keep_data:
                data = marshal.loads(next(remote))
                yield decode_loaded(source, data), data
            else:  # the worker's data is dropped as soon as it is decoded
                yield decode_loaded(source, marshal.loads(next(remote))), None


def _growing(tasks: list[Job], chunk: int) -> list[list[Job]]:
    """Split ``tasks`` into chunks of 1, 2, 4, ... files, then ``chunk`` files each.

    This process reads the results in file order: with a whole chunk first, it would sit idle
    while a worker starts and parses it (~20 ms at 100 small files).
    """
    chunks: list[list[Job]] = []
    start, size = 0, 1
    while start < len(tasks):
        chunks.append(tasks[start : start + size])
        start, size = start + size, min(chunk, size * 2)
    return chunks


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
    return list(iter_load_files(config, files, cache, stamps, jobs))


def iter_load_files(
    config: Config,
    files: Sequence[SourceFile],
    cache: LintCache | None = None,
    stamps: Mapping[str, Stamp | None] | None = None,
    jobs: int | None = None,
) -> Iterator[LoadedFile]:
    """Yield the load result of each of ``files`` in order, reusing and filling ``cache``."""
    stamps = stamps or {}
    if sum(seen.size if (seen := stamps.get(f.rel)) is not None else _size(f) for f in files) >= LARGE_LOAD_BYTES:
        return_large_blocks()
    keys = {
        source.rel: cache.file_key(seen.content)
        for source in files
        if cache is not None and (seen := stamps.get(source.rel)) is not None
    }
    # Cached entries are only noted here and decoded when their turn comes, so that at most a
    # few located trees are alive at once however large the repository.
    cached = {rel for rel, key in keys.items() if cache is not None and cache.has("files", key)}
    missing = [f for f in files if f.rel not in cached]
    parsed = zip(missing, _parse_all(config, missing, jobs or cpus(), cache is not None), strict=True)
    for source in files:
        if source.rel in cached:
            yield _from_cache(config, source, cache, keys[source.rel], stamps[source.rel])
            continue
        _, (loaded, data) = next(parsed)
        seen = stamps.get(source.rel)
        if cache is not None and seen is not None and unchanged(source, seen):
            cache.write("files", keys[source.rel], data if data is not None else encode_loaded(loaded))
        yield loaded


def _from_cache(
    config: Config, source: SourceFile, cache: LintCache | None, key: str, seen: Stamp | None
) -> LoadedFile:
    """Return a file's cached load result; load the file and rewrite the entry when it is unusable."""
    data = cache.read("files", key) if cache is not None else None
    if data is not None:
        try:
            return decode_loaded(source, data)
        except (TypeError, ValueError, IndexError):
            pass  # an entry of another shape: load the file again
    loaded = _load(config, source)
    if cache is not None and seen is not None and unchanged(source, seen):
        cache.write("files", key, encode_loaded(loaded))
    return loaded
