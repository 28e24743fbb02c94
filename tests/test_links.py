"""Every relative link in the repository's Markdown files resolves to a file or folder that exists."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest

REPO = Path(__file__).resolve().parent.parent
# [text](target) and [text](target "title"), images too; reference definitions `[id]: target`.
INLINE = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+\"[^\"]*\")?\s*$", re.MULTILINE)
FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"`[^`\n]*`")


def markdown_files() -> list[Path]:
    """Return the Markdown files git tracks (or would track) in the repository."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.md"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return sorted(REPO / name for name in listed if (REPO / name).is_file())


def relative_links(text: str) -> list[str]:
    """Return the link targets of ``text`` that point into the repository (no URL, no pure anchor)."""
    prose = CODE_SPAN.sub("", FENCE.sub("", text))
    targets = INLINE.findall(prose) + REFERENCE.findall(prose)
    return [t for t in targets if not re.match(r"^[a-z][a-z0-9+.-]*:|^#|^//", t, re.IGNORECASE)]


def test_the_link_finder_sees_links_and_skips_urls_anchors_and_code() -> None:
    text = (
        '[a](docs/x.md) ![i](img.png "t") [u](https://e.x) [h](#top) `[c](no.md)`\n[r]: ../y.md\n```\n[f](no.md)\n```\n'
    )
    assert relative_links(text) == ["docs/x.md", "img.png", "../y.md"]


@pytest.mark.parametrize("path", markdown_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_every_relative_link_resolves(path: Path) -> None:
    broken = []
    for target in relative_links(path.read_text(encoding="utf-8")):
        file_part = unquote(target.split("#", 1)[0])
        resolved = (path.parent / file_part).resolve()
        if not resolved.exists() or REPO not in (resolved, *resolved.parents):
            broken.append(target)
    assert broken == [], f"{path.relative_to(REPO)} links to what does not exist: {broken}"
