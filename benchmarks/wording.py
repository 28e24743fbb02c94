"""Measure what the title judgement rules (S201, S202, S205, Q301) cost: import time and time per title.

Usage: ``python benchmarks/wording.py [--compare SRC_DIR] [--repeat N]``. Import time is the
median of fresh interpreters importing ``okrlint.lint.rules`` (the rule modules and the wording
analysis they pull in), minus a bare interpreter start. Time per title runs every judgement
(quantity grammar, deliverable or vague, activity, headline numbers, rewrite) over the titles of
``tests/lint/corpus/kr_titles.yaml`` with the caches cleared, so each title is analysed once per
pass. ``--compare`` measures another source tree (for instance ``/work/main/src``) the same way.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "lint" / "corpus" / "kr_titles.yaml"
PER_TITLE = r"""
import sys, time, yaml
titles = [e["title"] for e in yaml.safe_load(open(sys.argv[1], encoding="utf-8"))]
from okrlint.lint import wording
from okrlint.lint import quantities
calls = [wording.has_quantity, wording.suggest_rewrite, wording.title_numbers, wording.activity_phrase]
try:
    from okrlint.lint.deliverables import judge_wording
    calls.append(judge_wording)
except ImportError:
    pass
best = float("inf")
for _ in range(int(sys.argv[2])):
    quantities._quantities.cache_clear()
    for name in ("_judge", "find_activity"):
        for module in sys.modules.values():
            fn = getattr(module, name, None) if module and module.__name__.startswith("okrlint") else None
            if fn is not None and hasattr(fn, "cache_clear"):
                fn.cache_clear()
    start = time.perf_counter()
    for title in titles:
        for call in calls:
            call(title)
    best = min(best, time.perf_counter() - start)
print(best / len(titles) * 1e6)
"""


def _run(src: Path, code: str, *args: str) -> float:
    """Run ``code`` in a fresh interpreter with ``src`` first on the path and return its float output."""
    env = {"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def import_ms(src: Path, repeat: int) -> float:
    """Return the median milliseconds to import the rule modules, interpreter start-up excluded."""
    code = "import time; t = time.perf_counter(); import okrlint.lint.rules; print((time.perf_counter() - t) * 1e3)"
    return statistics.median(_run(src, code) for _ in range(repeat))


def main(argv: list[str] | None = None) -> int:
    """Print import time and microseconds per title for this tree (and the one compared)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--compare", type=Path, help="another okrlint source folder to measure the same way")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    trees = [("this tree", ROOT / "src")] + ([("compared", args.compare)] if args.compare else [])
    print("| tree | import okrlint.lint.rules (ms) | all title judgements (µs per title) |")
    print("|---|---:|---:|")
    for name, src in trees:
        per_title = _run(src, PER_TITLE, str(CORPUS), str(args.repeat))
        print(f"| {name} | {import_ms(src, args.repeat):.1f} | {per_title:.0f} |")
        time.sleep(0.1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
