"""Find the command-line tools the tests drive: those of the environment the tests run in first."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path


def console_script(name: str) -> str | None:
    """Return the path of ``name`` installed beside this Python (activated or not), else on ``PATH``."""
    beside = Path(sys.executable).parent / name
    if beside.is_file():
        return str(beside)
    return shutil.which(name)
