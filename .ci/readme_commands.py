"""Print the README's two opening commands (main job, then tests), one per line, for .ci/run.

The README's first ```sh block holds exactly two commands, each after a comment line. CI
runs what the README says, so the two can never drift apart.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

block = re.search(r"```sh\n(.*?)```", Path(sys.argv[1]).read_text(encoding="utf-8"), re.DOTALL)
commands = [
    line for line in (block.group(1) if block else "").splitlines() if line.strip() and not line.startswith("#")
]
if len(commands) != 2:
    sys.exit(f"README.md: expected two commands in the first ```sh block, found {len(commands)}")
print("\n".join(commands))
