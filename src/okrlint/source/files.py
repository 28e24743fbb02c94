"""Find the files to lint and read them safely (size limit, UTF-8, no escaping the repository)."""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterable, Iterator
from dataclasses import field
from pathlib import Path

from okrlint.source.problems import LoadProblem
from okrlint.util.records import record

YAML_SUFFIXES = (".yaml", ".yml")
SOURCE_SUFFIXES = (*YAML_SUFFIXES, ".csv")


@record(order=True)
class SourceFile:
    """A file to lint: its path relative to the repository root (``/``-separated) and on disk.

    ``content``, when given, stands in for the bytes on disk (text read from stdin for an editor).
    """

    rel: str
    path: Path
    content: bytes | None = field(default=None, compare=False, repr=False)

    @property
    def is_csv(self) -> bool:
        """Return True for a CSV check-in file."""
        return self.rel.lower().endswith(".csv")


def relative_name(path: Path, root: Path) -> str:
    """Return ``path`` relative to ``root`` with ``/`` separators (absolute when outside).

    A symlink inside the repository keeps its own name: findings point where the user looks.
    """
    for here, top in ((Path(os.path.abspath(path)), Path(os.path.abspath(root))), (path.resolve(), root.resolve())):
        try:
            return here.relative_to(top).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def is_inside(path: Path, root: Path) -> bool:
    """Return True when ``path``, with symlinks resolved, stays inside ``root``."""
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def discover(paths: Iterable[Path], root: Path) -> list[SourceFile]:
    """Return the YAML and CSV files under ``paths``, skipping hidden folders and files and stray symlinks."""
    found: dict[str, SourceFile] = {}
    for start in paths:
        if start.is_dir():
            for source in _walk(start, root):
                found.setdefault(source.rel, source)
        elif start.suffix.lower() in SOURCE_SUFFIXES and _acceptable(start, root):
            source = SourceFile(relative_name(start, root), start)
            found.setdefault(source.rel, source)
    return sorted(found.values(), key=_by_name)


def _by_name(source: SourceFile) -> str:
    """Return the sort key of ``source``: its name (names are unique among discovered files)."""
    return source.rel


def _walk(start: Path, root: Path) -> Iterable[SourceFile]:
    """Yield the acceptable source files under folder ``start``.

    The walk does not follow symlinked folders, so below ``start`` only a symlinked file can
    lead out of the repository: ``start`` is checked once, symlinked files one by one, and a
    plain file costs no system call beyond its folder's listing (a large repository has thousands).
    """
    top = os.path.abspath(root)
    prefix = top if top.endswith(os.sep) else top + os.sep
    written_inside = (os.path.abspath(start) + os.sep).startswith(prefix)
    start_ok = is_inside(start, root) if written_inside else True
    folders = [str(start)]
    while folders:
        folder = folders.pop()
        try:
            listing = os.scandir(folder)
        except OSError:
            continue
        with listing:
            yield from _listed(listing, Path(folder), prefix, start_ok, root, folders)


def _listed(
    listing: Iterable[os.DirEntry[str]], folder: Path, prefix: str, start_ok: bool, root: Path, folders: list[str]
) -> Iterator[SourceFile]:
    """Yield the source files of one ``folder``'s ``listing``, queueing its subfolders in ``folders``."""
    here = os.path.join(os.path.abspath(folder), "")
    for entry in listing:
        name = entry.name
        if name.startswith("."):  # hidden folders and files (.git, .okrlint.yaml, .pre-commit-config.yaml)
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                folders.append(entry.path)
            elif not name.lower().endswith(SOURCE_SUFFIXES):
                continue
            elif entry.is_symlink():
                candidate = folder.joinpath(name)
                if _acceptable(candidate, root):
                    yield SourceFile(relative_name(candidate, root), candidate)
            elif start_ok and entry.is_file(follow_symlinks=False):
                full = here + name
                rel = full[len(prefix) :].replace(os.sep, "/") if full.startswith(prefix) else Path(full).as_posix()
                yield SourceFile(rel, folder.joinpath(name))  # a child path costs less than a parsed one
        except OSError:
            continue


def _escapes(path: Path, root: Path) -> bool:
    """Return True when ``path`` lies inside ``root`` as written but a symlink on the way leads out."""
    try:
        Path(os.path.abspath(path)).relative_to(os.path.abspath(root))
    except ValueError:
        return path.is_symlink() and not is_inside(path, root)
    return not is_inside(path, root)


def skip_reason(path: Path, root: Path) -> str | None:
    """Return why a path named on the command line is not read (None: it is, or it is a folder to walk)."""
    if path.is_dir():
        return None
    if path.suffix.lower() not in SOURCE_SUFFIXES:
        return f"okrlint reads only {', '.join(SOURCE_SUFFIXES)} files"
    if _escapes(path, root):
        return "a symbolic link that leads outside the repository"
    return None if path.is_file() else "not a regular file"


def _acceptable(path: Path, root: Path) -> bool:
    """Return True for a regular file that no symlink (itself or a folder above it) leads out of the repository."""
    if _escapes(path, root):
        return False
    return path.is_file()


def read_text(source: SourceFile, max_bytes: int) -> tuple[str | None, LoadProblem | None]:
    """Return the file's text (BOM removed, CRLF kept for the parser) or the problem reading it."""
    try:
        size = source.path.stat().st_size if source.content is None else len(source.content)
        if size > max_bytes:
            return None, LoadProblem("E006", 1, 1, f"the file has {size} bytes, more than max_file_bytes ({max_bytes})")
        data = source.path.read_bytes() if source.content is None else source.content
    except OSError as error:
        return None, LoadProblem("E007", 1, 1, f"cannot read the file: {error.strerror or error}")
    if len(data) > max_bytes:
        return None, LoadProblem("E006", 1, 1, f"the file has more than max_file_bytes ({max_bytes}) bytes")
    body = data[len(codecs.BOM_UTF8) :] if data.startswith(codecs.BOM_UTF8) else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        line = body.count(b"\n", 0, error.start) + 1
        line_start = body.rfind(b"\n", 0, error.start) + 1
        column = len(body[line_start : error.start].decode("utf-8", "replace")) + 1
        return None, LoadProblem(
            "E007", line, column, f"not UTF-8: byte 0x{body[error.start]:02x} cannot be decoded; save the file as UTF-8"
        )
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        column = nul - (text.rfind("\n", 0, nul) + 1) + 1
        return None, LoadProblem("E007", line, column, "the file holds a NUL byte: it looks binary, not text")
    return text, None
