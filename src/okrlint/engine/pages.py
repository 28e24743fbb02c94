"""Keep the HTML report's rendered team pages in the lint cache (layer ``pages``), compressed.

One entry per page name (``teams/<team>.html``, under ``periods/<id>/`` for other periods)
holds the digest the page was rendered for and its text, so the layer never holds more than
one page per name however many reports, dates and edits there were. Reusing a page marks it
used; pages no report wrote or reused for a week (those of an earlier okrlint, configuration or
team) are swept after a report.
"""

from __future__ import annotations

import zlib

from okrlint.engine.cache import LintCache

_LAYER = "pages"


class CachedPages:
    """A ``PageStore`` (``okrlint.report.pagecache``) over a :class:`LintCache`: its safety rules, no link followed."""

    def __init__(self, store: LintCache) -> None:
        self.store = store

    def get(self, name: str, digest: str) -> str | None:
        """Return page ``name`` when it was stored for ``digest``; None when missing, older or unusable."""
        entry = self.store.read(_LAYER, self.store.page_key(name), touch=True)
        if not (isinstance(entry, tuple) and len(entry) == 2 and entry[0] == digest and isinstance(entry[1], bytes)):
            return None
        try:
            return zlib.decompress(entry[1]).decode("utf-8", "surrogatepass")
        except (zlib.error, UnicodeDecodeError):
            return None

    def sweep(self) -> None:
        """Remove the pages no report wrote or reused for a week."""
        self.store.sweep_pages()

    def put(self, name: str, digest: str, text: str) -> None:
        """Store page ``name`` rendered for ``digest``, replacing the page stored for that name before."""
        blob = zlib.compress(text.encode("utf-8", "surrogatepass"), 1)
        self.store.write(_LAYER, self.store.page_key(name), (digest, blob))
