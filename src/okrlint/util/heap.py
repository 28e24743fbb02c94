"""Give freed memory back to the system while a large repository loads (glibc's malloc)."""

from __future__ import annotations

import sys
from functools import cache

# glibc serves blocks from this size up with mmap, and gives them back when they are freed.
MMAP_THRESHOLD = 128 * 1024
_M_MMAP_THRESHOLD = -3  # mallopt's parameter number in glibc's malloc.h


@cache
def return_large_blocks() -> bool:
    """Keep glibc from raising its mmap threshold as large blocks are freed; return True when it was set.

    glibc raises the threshold to the size of each large block freed (a file's text), after which
    such blocks come from the heap, between the model's long-lived arrays, and freeing them no
    longer lowers the process's memory: the peak then grows with the sum of the files, not the
    largest. Setting the threshold once turns that adjustment off. Elsewhere this does nothing.
    """
    if not sys.platform.startswith("linux"):
        return False
    import ctypes  # only for a large load: a small lint never pays for the import

    try:
        libc = ctypes.CDLL(None)
        return bool(libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD))
    except (AttributeError, OSError):  # pragma: no cover - not glibc
        return False
