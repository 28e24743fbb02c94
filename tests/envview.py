"""Lend the packages of the environment the tests run in to a fresh virtual environment, offline.

Tests that build or install okrlint (the wheel test, ``pre-commit try-repo``) create virtual
environments of their own. ``--system-site-packages`` would show them the *base* Python's
packages, not those of the venv the test suite runs in — on a fresh machine that base has
none of okrlint's dependencies. Instead, :func:`package_view` makes a folder of symbolic links
to every entry of this environment's ``site-packages`` except okrlint itself (so what gets
tested is the freshly built okrlint, never the checkout's editable install), and the new
environment puts that folder on its path (a ``.pth`` file, or ``PYTHONPATH`` for tools that
create the venv themselves). Nothing is downloaded and nothing outside ``tmp`` is written.
"""

from __future__ import annotations

import site
import subprocess
import sysconfig
from pathlib import Path

_OWN = ("okrlint", "_okrlint", "__editable__", "_editable_impl_okrlint")


def _site_dirs() -> list[Path]:
    """Return the site-packages folders of the running interpreter, without duplicates."""
    found: list[Path] = []
    for raw in (sysconfig.get_path("purelib"), sysconfig.get_path("platlib"), *site.getsitepackages()):
        path = Path(raw)
        if path.is_dir() and path not in found:
            found.append(path)
    return found


def package_view(where: Path) -> Path:
    """Make ``where`` a folder of links to this environment's packages, okrlint left out; return it."""
    where.mkdir(parents=True, exist_ok=True)
    for folder in _site_dirs():
        for entry in folder.iterdir():
            name = entry.name
            if name.lower().startswith(_OWN) or name.endswith(".pth") or (where / name).exists():
                continue
            (where / name).symlink_to(entry, target_is_directory=entry.is_dir())
    return where


def lend_packages(python: Path, view: Path) -> None:
    """Make the venv of ``python`` see the packages in ``view`` (after its own) through a ``.pth`` file."""
    code = "import sysconfig; print(sysconfig.get_path('purelib'))"
    purelib = Path(subprocess.run([str(python), "-c", code], capture_output=True, text=True, check=True).stdout.strip())
    (purelib / "zz_okrlint_test_view.pth").write_text(f"{view}\n", encoding="utf-8")
