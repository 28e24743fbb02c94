"""Keep the HTML report's rendered team pages in the lint cache (layer ``pages``), compressed, by page digest."""

from __future__ import annotations

import zlib

from okrlint.engine.cache import LintCache

_LAYER = "pages"


class CachedPages:
    """A ``PageStore`` (``okrlint.report.pagecache``) over a :class:`LintCache`: its safety rules, no link followed."""

    def __init__(self, store: LintCache) -> None:
        self.store = store

    def get(self, digest: str) -> str | None:
        """Return the page stored under ``digest``, None when missing or unusable."""
        blob = self.store.read(_LAYER, self.store.page_key(digest))
        if not isinstance(blob, bytes):
            return None
        try:
            return zlib.decompress(blob).decode("utf-8", "surrogatepass")
        except (zlib.error, UnicodeDecodeError):
            return None

    def put(self, digest: str, text: str) -> None:
        """Store page ``text`` under ``digest``."""
        blob = zlib.compress(text.encode("utf-8", "surrogatepass"), 1)
        self.store.write(_LAYER, self.store.page_key(digest), blob)
