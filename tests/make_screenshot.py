"""Regenerate docs/scorecard.png: the bundled okrs/ scorecard as of 2026-11-23, shot in headless Chromium.

Run from the repository root: ``python tests/make_screenshot.py`` (needs ``chromium``).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from browser import find_chromium, launch, png_stats
from okrlint.cli import main as okrlint

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-23"


def make_screenshot(target: Path, *, width: int = 1200, max_height: int = 1500) -> None:
    """Render the bundled organisation's HTML scorecard and save a PNG of its overview page."""
    with tempfile.TemporaryDirectory(prefix="okrlint-shot-") as folder:
        site = Path(folder) / "scorecard"
        here = Path.cwd()
        os.chdir(ROOT)
        try:
            code = okrlint(["report", "--as-of", AS_OF, "--format", "html", "--out", str(site)])
        finally:
            os.chdir(here)
        if code != 0:
            raise SystemExit(f"okrlint report failed with exit code {code}")
        with launch() as browser:
            page = browser.new_page()
            page.viewport(width, 900)
            page.goto((site / "index.html").as_uri())
            data = page.screenshot(max_height=max_height)
            stats = png_stats(page.screenshot(max_height=max_height, scale=0.25))
    if stats.distinct_colours < 20 or stats.luma_stddev < 8:
        raise SystemExit(f"the screenshot looks blank ({stats}); not writing it")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def main() -> int:
    """Write docs/scorecard.png (or the path given) and say where."""
    if find_chromium() is None:
        print("chromium is not installed", file=sys.stderr)
        return 2
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "scorecard.png"
    make_screenshot(target)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
