"""Which files make up the repository: the configured paths, checked to lie inside it (no model is built here)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from okrlint.config import Config
from okrlint.source.files import SourceFile, discover
from okrlint.util.errors import UserError


def source_files(config: Config, paths: Sequence[Path] | None = None) -> list[SourceFile]:
    """Return the files of the repository: ``paths`` if given, else the configured paths."""
    roots = list(paths) if paths else [config.root / p for p in config.paths]
    if not paths:
        top = Path(os.path.abspath(config.root))
        outside = [
            text
            for text, root in zip(config.paths, roots, strict=True)
            if not Path(os.path.abspath(root)).is_relative_to(top)
        ]
        if outside:  # a pull request may edit the config: it must not make okrlint read (and quote) other files
            raise UserError(
                f"paths: {outside[0]!r} lies outside the repository ({config.root}); okrlint reads only files inside it"
            )
        missing = [text for text, root in zip(config.paths, roots, strict=True) if not os.path.lexists(root)]
        if missing:
            where = f" (set in {config.source})" if config.source else " (the default; set `paths` in .okrlint.yaml)"
            raise UserError(f"paths: {missing[0]!r} does not exist under {config.root}{where}")
    return discover(roots, config.root)
