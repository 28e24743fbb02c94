"""The lint cache in ``.okrlint_cache/`` at the repository root.

Two layers, both keyed by okrlint's version and the configuration's fingerprint:

* per file, by content hash: the load result (located tree, problems, suppressions), so a
  changed repository re-parses only the files that changed;
* per lint run, by the hashes of every file plus as-of date and rule selection: the
  findings, so an unchanged repository is not linted again.
* (with them, the summaries and worlds of the incremental paths, ``incremental.py`` and
  ``relint.py``, and the HTML report's rendered team pages, one entry per page name holding
  the digest of what the page shows, ``pages.py``).

Entries are written atomically (temporary file + rename) and carry a checksum: a corrupt,
truncated or foreign entry is ignored and rebuilt. The cache never changes results, and
nothing is written outside the cache folder under the repository root: no symbolic link in
it is ever followed (SPEC §7).
"""

from __future__ import annotations

import marshal
import os
import stat
import time
from collections.abc import Iterable
from dataclasses import fields
from functools import cache
from pathlib import Path
from typing import Any

from okrlint import __version__
from okrlint.config import Config
from okrlint.lint.findings import Finding, Severity
from okrlint.source.files import SourceFile
from okrlint.util import nofollow
from okrlint.util.digest import blake2b, compare_digest
from okrlint.util.nofollow import UnsafeTree
from okrlint.util.records import record
from okrlint.util.resources import data_dir

CACHE_DIR = ".okrlint_cache"
FORMAT = 1
MAX_RESULTS = 16
MAX_INDEXES = 8  # summary and stamp indexes kept (two per okrlint version and configuration)
STALE_AFTER_S = 7 * 24 * 3600  # per-file entries no current file uses go after a week
_DIGEST = 16
_SHARDED = ("files", "pages")  # layers with an entry per file or page, in folders by the key's first 2 digits


def content_key(data: bytes, is_csv: bool) -> str:
    """Return the hash of a file's bytes (CSV and YAML files of equal bytes load differently)."""
    digest = blake2b(data, digest_size=_DIGEST)
    digest.update(b"csv" if is_csv else b"yaml")
    return digest.hexdigest()


@record
class Stamp:
    """A file's content hash, with the size and modification time it had when hashed."""

    content: str
    size: int
    mtime_ns: int


def stamp(source: SourceFile, max_file_bytes: int) -> Stamp | None:
    """Return the stamp of ``source``, None when it is too big or unreadable (never cached)."""
    try:
        before = source.path.stat()
        if before.st_size > max_file_bytes:
            return None
        data = source.path.read_bytes()
    except OSError:
        return None
    return Stamp(content_key(data, source.is_csv), before.st_size, before.st_mtime_ns)


def unchanged(source: SourceFile, seen: Stamp) -> bool:
    """Return True when ``source`` still has the size and modification time of ``seen``."""
    try:
        now = source.path.stat()
    except OSError:
        return False
    return (now.st_size, now.st_mtime_ns) == (seen.size, seen.mtime_ns)


@cache
def code_fingerprint() -> str:
    """Return a digest of okrlint's own code and schemas, so a changed okrlint never reuses entries."""
    package = Path(__file__).resolve().parents[1]  # the whole okrlint package, every stage
    return tree_digest((package, data_dir("schema")))


def tree_digest(folders: Iterable[Path]) -> str:
    """Return a digest of the name, size and modification time of every ``.py`` and ``.json`` file under ``folders``.

    That is what Python checks before it reuses a module's bytecode: an edited or reinstalled okrlint
    changes it, and no file is read (reading all of them took ~18 ms, a fifth of a cached lint).
    """
    digest = blake2b(digest_size=_DIGEST)
    for folder in folders:
        for top, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(n for n in names if n.endswith((".py", ".json"))):
                path = os.path.join(top, name)
                info = os.stat(path)
                digest.update(f"{os.path.relpath(path, folder)}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def machine_secret() -> bytes | None:
    """Return this user's random cache-signing key (created on first use), None when unavailable.

    The cache lives in the repository, where a pull request could plant entries; entries are
    signed with a key kept outside the repository (``$XDG_CACHE_HOME/okrlint/cache-key``), so a
    planted entry fails its check and is ignored instead of hiding findings.
    """
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "okrlint"
    path = base / "cache-key"
    for _ in range(2):
        try:
            data = path.read_bytes()
            return data if len(data) == 32 else None
        except FileNotFoundError:
            pass
        except OSError:
            return None
        try:
            base.mkdir(parents=True, exist_ok=True, mode=0o700)
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue  # another run created it meanwhile: read theirs
        except OSError:
            return None
        with os.fdopen(handle, "wb") as stream:
            key = os.urandom(32)
            stream.write(key)
        return key
    return None


class LintCache:
    """Read and write cache entries of one repository and configuration.

    Every folder, entry and tag is reached through ``nofollow``: a cache folder holding a
    symbolic link anywhere (planted by a pull request) is never read, written, pruned or
    followed; the run goes on uncached with the same findings.
    """

    def __init__(self, config: Config) -> None:
        self.root = config.root
        self.salt = f"{__version__}\0{FORMAT}\0{code_fingerprint()}\0{config.fingerprint()}".encode()
        self.secret = machine_secret()
        self.enabled = self.secret is not None and _sound(config.root)

    def _key(self, *parts: str) -> str:
        digest = blake2b(self.salt, digest_size=_DIGEST)
        for part in parts:
            digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    @staticmethod
    def _parts(layer: str, key: str) -> tuple[str, ...]:
        """Return the folders below the repository root that hold entry ``key`` of ``layer``."""
        base = (CACHE_DIR, f"v{FORMAT}", layer)
        return (*base, key[:2]) if layer in _SHARDED else base

    def _sign(self, payload: bytes) -> bytes:
        """Return the keyed checksum of an entry: only this machine's okrlint can make a valid one."""
        return blake2b(payload, digest_size=_DIGEST, key=self.secret or b"").digest()

    def has(self, layer: str, key: str) -> bool:
        """Return True when ``layer`` holds an entry ``key`` (not yet checked for corruption)."""
        if not self.enabled or not _owned(key):
            return False
        try:
            with nofollow.folder(self.root, self._parts(layer, key)) as fd:
                found = nofollow.kind(fd, key)
            if found not in (None, stat.S_IFREG):  # a link (or anything else) planted as an entry
                raise UnsafeTree(0, f"cache entry {key} is not a regular file")
            return found == stat.S_IFREG
        except UnsafeTree:
            self.enabled = False
        except OSError:
            pass
        return False

    def read(self, layer: str, key: str, touch: bool = False) -> Any | None:
        """Return the entry ``key`` of ``layer``, or None when missing or unusable; ``touch`` marks it used now."""
        if not self.enabled or not _owned(key):
            return None
        try:
            with nofollow.folder(self.root, self._parts(layer, key)) as fd:
                blob = nofollow.read(fd, key, touch)
        except UnsafeTree:
            self.enabled = False
            return None
        except OSError:
            return None
        check, payload = blob[:_DIGEST], blob[_DIGEST:]
        if not compare_digest(self._sign(payload), check):
            return None
        try:
            return marshal.loads(payload)
        except (ValueError, EOFError, TypeError):
            return None

    def write(self, layer: str, key: str, value: Any, keep: int | None = None) -> None:
        """Store ``value`` as entry ``key`` of ``layer`` (then keep its ``keep`` newest); skip an unwritable cache."""
        if not self.enabled or not _owned(key):
            return
        try:
            payload = marshal.dumps(value)
            _prepare(self.root)
            with nofollow.folder(self.root, self._parts(layer, key), create=True) as fd:
                nofollow.replace(fd, key, self._sign(payload) + payload)
                if keep is not None:
                    nofollow.prune(fd, keep, _owned)
        except (OSError, ValueError):
            self.enabled = False

    def sweep(self, live_files: Iterable[str]) -> None:
        """Remove what no run of this version reads any more, so the cache does not grow with every edit and upgrade.

        Per-file entries that ``live_files`` (the keys of the files as they are now) do not name and
        that were written more than ``STALE_AFTER_S`` ago go (a branch switched back to within that
        time still finds its entries); of the summary and stamp indexes, one pair per okrlint
        version and configuration, the ``MAX_INDEXES`` newest stay.
        """
        if not self.enabled:
            return
        try:
            for layer in ("summaries", "stamps"):
                with nofollow.folder(self.root, (CACHE_DIR, f"v{FORMAT}", layer)) as fd:
                    nofollow.prune(fd, MAX_INDEXES, _owned)
        except UnsafeTree:
            self.enabled = False
        except OSError:
            pass  # a layer not made yet, or removed meanwhile: nothing to sweep
        self._sweep_shards("files", set(live_files))

    def sweep_pages(self) -> None:
        """Remove the rendered pages no report has written or reused for ``STALE_AFTER_S`` (reuse touches a page)."""
        if self.enabled:
            self._sweep_shards("pages", set())

    def _sweep_shards(self, layer: str, live: set[str]) -> None:
        """Remove the entries of sharded ``layer`` that ``live`` does not name and are older than ``STALE_AFTER_S``."""
        before = time.time_ns() - STALE_AFTER_S * 1_000_000_000
        try:
            with nofollow.folder(self.root, (CACHE_DIR, f"v{FORMAT}", layer)) as fd:
                shards = [
                    name for name in os.listdir(fd) if len(name) == 2 and all(c in "0123456789abcdef" for c in name)
                ]
            for shard in shards:
                with nofollow.folder(self.root, (CACHE_DIR, f"v{FORMAT}", layer, shard)) as fd:
                    nofollow.remove_unlisted(fd, live, before, _owned)
        except UnsafeTree:
            self.enabled = False
        except OSError:
            pass  # a layer not made yet, or removed meanwhile: nothing to sweep

    def file_key(self, content: str) -> str:
        """Return the key of a file's load result from its content hash."""
        return self._key("file", content)

    def page_key(self, name: str) -> str:
        """Return the key of the rendered report page ``name`` (its digest is stored with it; ``engine/pages.py``)."""
        return self._key("page", name)

    def result_key(self, hashes: Iterable[tuple[str, str]], as_of: str, rules: Iterable[str]) -> str:
        """Return the key of a lint run over files ``(path, content hash)`` with these rules."""
        return self._key("result", as_of, ",".join(sorted(rules)), *(f"{p}\0{h}" for p, h in sorted(hashes)))

    def world_key(self, as_of: str, rules: Iterable[str]) -> str:
        """Return the key of the last full lint run with this as-of date and these rules (for incremental runs)."""
        return self._key("world", as_of, ",".join(sorted(rules)))

    def read_findings(self, key: str) -> tuple[Finding, ...] | None:
        """Return the findings stored for a lint run, or None."""
        return decode_findings(self.read("results", key))

    def write_findings(self, key: str, findings: Iterable[Finding]) -> None:
        """Store the findings of a lint run and drop the oldest runs beyond ``MAX_RESULTS``."""
        self.write("results", key, encode_findings(findings), keep=MAX_RESULTS)


def encode_findings(findings: Iterable[Finding]) -> tuple[tuple[Any, ...], ...]:
    """Return findings as plain data (for marshal)."""
    names = _finding_fields()
    return tuple(tuple(int(getattr(f, n)) if n == "severity" else getattr(f, n) for n in names) for f in findings)


def decode_findings(data: Any) -> tuple[Finding, ...] | None:
    """Return the findings ``encode_findings`` gave, None for data of another shape."""
    if not isinstance(data, tuple):
        return None
    names = _finding_fields()
    try:
        return tuple(Finding(**_with_severity(dict(zip(names, row, strict=True)))) for row in data)
    except (TypeError, ValueError):
        return None


def _finding_fields() -> tuple[str, ...]:
    """Return the names of a finding's stored fields, in order (fixes are worked out after the cache)."""
    return tuple(f.name for f in fields(Finding) if f.name != "fix")


def _with_severity(values: dict[str, Any]) -> dict[str, Any]:
    """Return stored finding values with the severity turned back into a Severity."""
    values["severity"] = Severity(values["severity"])
    return values


_HEX = frozenset("0123456789abcdef")


def _owned(name: str) -> bool:
    """Return True for names okrlint gives entries (hex digests): nothing else is read or pruned."""
    return len(name) == 2 * _DIGEST and all(char in _HEX for char in name)


def _sound(root: Path) -> bool:
    """Return True unless the cache folder, its format folder, layers or tags are links or of the wrong kind."""
    expected = {
        (CACHE_DIR,): stat.S_IFDIR,
        (CACHE_DIR, f"v{FORMAT}"): stat.S_IFDIR,
        (CACHE_DIR, f"v{FORMAT}", "files"): stat.S_IFDIR,
        (CACHE_DIR, f"v{FORMAT}", "results"): stat.S_IFDIR,
        (CACHE_DIR, "CACHEDIR.TAG"): stat.S_IFREG,
        (CACHE_DIR, ".gitignore"): stat.S_IFREG,
    }
    for parts, wanted in expected.items():
        try:
            with nofollow.folder(root, parts[:-1]) as fd:
                found = nofollow.kind(fd, parts[-1])
        except FileNotFoundError:
            continue  # a folder above is missing: nothing below it to distrust
        except OSError:
            return False
        if found is not None and found != wanted:
            return False
    return True


def _prepare(root: Path) -> None:
    """Create the cache folder with a .gitignore and CACHEDIR.TAG so it is never committed."""
    with nofollow.folder(root, (CACHE_DIR,), create=True) as fd:
        nofollow.create(
            fd,
            "CACHEDIR.TAG",
            b"Signature: 8a477f597d28d172789f06886806bc55\n# okrlint cache; see https://bford.info/cachedir/\n",
        )
        nofollow.create(fd, ".gitignore", b"# created by okrlint\n*\n")
