"""Reuse rendered team pages: a stored page is reused when its digest of everything the built-in templates show matches.

The report stage only computes digests and asks a :class:`PageStore` (the engine's cache,
``okrlint.engine.pages``) for pages; it never touches the cache folder itself. A digest covers
the built-in templates' text, the page's name and place in the site, and every value of the
context that ``team.html.j2`` and what it includes read, so an unchanged team renders from
the store and any change (a check-in, a renamed team in the navigation, a supporting
objective's new title) renders again. Pages from ``--templates`` are never stored.
"""

from __future__ import annotations

import json
import marshal
from collections.abc import Mapping
from functools import cache
from typing import Any, Protocol

from okrlint.util.digest import blake2b
from okrlint.util.resources import data_dir

__all__ = ["PageStore", "navigation_digest", "team_page_digest"]

_DIGEST = 16
# The keys of a team page's context that its templates read, besides ``team`` and the navigation.
_SHOWN = ("root", "site", "history_page", "period", "as_of", "elapsed", "omitted", "omitted_total")


class PageStore(Protocol):
    """Where rendered pages are kept between runs: the last text of each page name, with its digest."""

    def get(self, name: str, digest: str) -> str | None:
        """Return page ``name`` as stored, when it was stored with ``digest``; else None."""

    def put(self, name: str, digest: str, text: str) -> None:
        """Store ``text`` as page ``name`` rendered for ``digest`` (replacing what was stored for ``name``)."""


@cache
def _templates_digest() -> str:
    """Return a digest of the built-in templates, so an edited template never reuses a page."""
    digest = blake2b(digest_size=_DIGEST)
    folder = data_dir("templates")
    for path in sorted(folder.glob("*.j2")):
        digest.update(f"{path.name}\0".encode() + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _encoded(value: Any) -> bytes:
    """Return ``value`` as bytes that differ whenever it does: marshal's first format when it takes it, else JSON.

    Marshal's format 0 writes every string alike (interned or not) and every float exactly,
    and is three times as fast as JSON on a team page's data; values it refuses (a ``str``
    subclass, a date) are written as canonical JSON (tuples as lists, anything else by repr).
    """
    try:
        return b"m" + marshal.dumps(value, 0)
    except ValueError:
        text = json.dumps(value, ensure_ascii=False, default=repr, separators=(",", ":"))
        return b"j" + text.encode("utf-8", "surrogatepass")


def navigation_digest(teams: list[Mapping[str, Any]]) -> str:
    """Return a digest of the team navigation every team page lists (id, name, page of each team)."""
    shown = [(team.get("id"), team.get("name"), team.get("page")) for team in teams]
    return blake2b(_encoded(shown), digest_size=_DIGEST).hexdigest()


def _objective(objective: Mapping[str, Any]) -> dict[str, Any]:
    """Return an objective with each supporting objective reduced to what a page shows of it."""
    supported = [
        (
            child["team"].get("page"),
            child["team"].get("name"),
            child["objective"].get("anchor"),
            child["objective"].get("title"),
        )
        for child in objective.get("supported_by") or ()
    ]
    return {**objective, "supported_by": supported}


def team_page_digest(name: str, context: Mapping[str, Any], navigation: str, version: str) -> str:
    """Return the digest of team page ``name`` rendered from ``context`` (``navigation``: its digest)."""
    team = context["team"]
    shown = {key: context.get(key) for key in _SHOWN}
    shown["org"] = (context.get("org") or {}).get("name")  # the org's scores are on the index page only
    shown["periods"] = [(p.get("id"), p.get("path")) for p in context.get("periods") or ()]  # the switcher
    shown["team"] = {**team, "objectives": [_objective(o) for o in team.get("objectives") or ()]}
    digest = blake2b(digest_size=_DIGEST)
    for part in (_templates_digest(), name, navigation, version):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    digest.update(_encoded(shown))
    return digest.hexdigest()
