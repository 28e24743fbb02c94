"""Read revisions with git itself: no shell, no checkout, validated revisions, a fixed environment."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from datetime import date
from pathlib import Path, PurePosixPath

from okrlint.util.errors import UserError
from okrlint.util.records import record

# The repository's config may name programs (a pull request cannot set them, but a cloned
# repository, a shared machine or a hostile .git can): override every one git could run, and
# allow no transport at all, so a partial clone never fetches (nor runs core.sshCommand) lazily.
_OVERRIDES = {
    "core.fsmonitor": "false",
    "core.hooksPath": "/dev/null",
    "core.quotePath": "false",
    "core.pager": "cat",
    "core.sshCommand": "false",
    "core.askPass": "",
    "core.alternateRefsCommand": "",
    "core.editor": "false",
    "credential.helper": "",
    "diff.external": "",
    "protocol.allow": "never",
    "fetch.recurseSubmodules": "false",
    "submodule.recurse": "false",
}
GIT_OPTIONS = tuple(part for key, value in _OVERRIDES.items() for part in ("-c", f"{key}={value}"))
# Variables that would make git read another repository, run programs or page its output.
_KEEP = ("PATH", "HOME", "SYSTEMROOT", "TMPDIR", "TEMP", "TMP", "USERPROFILE")


class GitError(UserError):
    """git is missing, the folder is no repository, or a revision names no commit."""


@record
class TreeFile:
    """A regular file of a revision: its path from the repository top, blob id and size."""

    path: str
    blob: str
    size: int


def git_env() -> dict[str, str]:
    """Return the minimal environment git runs in: no GIT_* redirection, no pager, no prompts."""
    env = {key: value for key, value in os.environ.items() if key in _KEEP}
    env.update(
        LC_ALL="C",
        GIT_PAGER="cat",
        PAGER="cat",
        GIT_TERMINAL_PROMPT="0",
        GIT_OPTIONAL_LOCKS="0",
        GIT_NO_REPLACE_OBJECTS="1",
        GIT_NO_LAZY_FETCH="1",
        GIT_PROTOCOL_FROM_USER="0",
    )
    return env


def run_git(args: Sequence[str], cwd: Path, stdin: bytes | None = None) -> bytes:
    """Run ``git <args>`` in ``cwd`` without a shell and return its stdout; raise GitError on failure."""
    try:
        done = subprocess.run(
            ["git", *GIT_OPTIONS, *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            env=git_env(),
            check=False,
            stdin=None if stdin is not None else subprocess.DEVNULL,
        )
    except FileNotFoundError:
        raise GitError("git is not installed or not on PATH") from None
    except OSError as error:
        raise GitError(f"cannot run git in {cwd}: {error.strerror or error}") from None
    if done.returncode != 0:
        stderr = done.stderr.decode("utf-8", "replace")
        if "promisor remote" in stderr or "lazy fetch" in stderr:
            raise GitError(
                f"{cwd}: this partial clone lacks file contents of the revisions to compare, and okrlint diff "
                "never fetches; fetch them first (e.g. git fetch --refetch, or clone without --filter)"
            )
        detail = stderr.strip().splitlines()
        raise GitError(f"git {args[0]} failed: {detail[0] if detail else f'exit {done.returncode}'}")
    return done.stdout


def toplevel(folder: Path) -> Path:
    """Return the top folder of the git work tree holding ``folder``."""
    try:
        out = run_git(["rev-parse", "--show-toplevel"], folder)
    except GitError:
        raise GitError(f"{folder}: not inside a git repository (okrlint diff compares git revisions)") from None
    return Path(out.decode("utf-8").strip())


def resolve_commit(top: Path, revision: str) -> str:
    """Return the commit id ``revision`` names; refuse option-like or unknown revisions."""
    if not revision or revision.startswith("-") or any(ch in revision for ch in "\0\n\r"):
        raise GitError(f"{revision!r} is not a git revision")
    try:
        out = run_git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"], top)
    except GitError:
        raise GitError(f"{revision!r} is not a commit of the repository at {top}") from None
    return out.decode("ascii").strip()


def commit_date(top: Path, commit: str) -> date:
    """Return the committer date of ``commit`` (in the committer's own time zone)."""
    out = run_git(["show", "-s", "--format=%cI", "--end-of-options", commit], top).decode("ascii").strip()
    return date.fromisoformat(out[:10])


def list_files(top: Path, commit: str, folders: Sequence[str], suffixes: tuple[str, ...]) -> list[TreeFile]:
    """Return the regular files under ``folders`` (``/``-separated, from the top) of ``commit``."""
    wanted = [folder.strip("/") for folder in folders if folder.strip("/") not in ("", ".")]
    out = run_git(["ls-tree", "-r", "-z", "--long", "--full-tree", commit, "--", *wanted], top)
    files = []
    for entry in out.split(b"\0"):
        if not entry:
            continue
        meta, _, raw_path = entry.partition(b"\t")
        mode, kind, blob, size = meta.split()
        path = raw_path.decode("utf-8", "surrogateescape")
        parts = PurePosixPath(path).parts
        hidden = path.startswith("/") or any(part.startswith(".") for part in parts[:-1]) or ".." in parts
        if kind == b"blob" and mode in (b"100644", b"100755") and path.lower().endswith(suffixes) and not hidden:
            files.append(TreeFile(path, blob.decode("ascii"), int(size)))
    return files


def read_blobs(top: Path, blobs: Sequence[str]) -> dict[str, bytes]:
    """Return the content of each blob id, read in one ``git cat-file --batch`` call."""
    if not blobs:
        return {}
    out = run_git(["cat-file", "--batch"], top, stdin="".join(f"{blob}\n" for blob in blobs).encode("ascii"))
    result: dict[str, bytes] = {}
    offset = 0
    while offset < len(out):
        header_end = out.index(b"\n", offset)
        header = out[offset:header_end].decode("ascii").split()
        start = header_end + 1
        if len(header) != 3:  # "<id> missing"
            offset = start
            continue
        blob, _kind, size = header
        result[blob] = out[start : start + int(size)]
        offset = start + int(size) + 1
    return result


def export_tree(
    top: Path, commit: str, folders: Sequence[str], suffixes: tuple[str, ...], target: Path, max_bytes: int
) -> int:
    """Write the matching files of ``commit`` under ``target`` (same relative paths); return their count.

    A file larger than ``max_bytes`` is written as a sparse file of its size, so that the
    loader reports it as too large without okrlint reading it into memory.
    """
    files = list_files(top, commit, folders, suffixes)
    small = [f for f in files if f.size <= max_bytes]
    contents = read_blobs(top, sorted({f.blob for f in small}))
    for file in files:
        destination = target.joinpath(*PurePosixPath(file.path).parts)
        destination.parent.mkdir(parents=True, exist_ok=True)
        if file.size <= max_bytes:
            destination.write_bytes(contents.get(file.blob, b""))
        else:
            with destination.open("wb") as stream:
                stream.truncate(file.size)
    return len(files)
