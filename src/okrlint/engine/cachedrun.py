"""What one lint with the cache hands to the paths that reuse stored work (incremental, relint, full)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from okrlint.config import Config
from okrlint.engine.cache import LintCache, Stamp
from okrlint.source.files import SourceFile
from okrlint.util.records import record

if TYPE_CHECKING:
    from okrlint.lint.registry import Rule
    from okrlint.model.load import Loader


@record
class CachedRun:
    """A lint of ``files`` (with their ``stamps``) as of ``as_of`` with ``rules``, reading and filling ``store``."""

    config: Config
    as_of: date
    rules: Sequence[Rule]
    files: Sequence[SourceFile]
    stamps: Mapping[str, Stamp | None]
    store: LintCache
    loader: Loader
