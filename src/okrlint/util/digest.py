"""BLAKE2b and a constant-time compare without importing ``hashlib`` or ``hmac``.

Both load OpenSSL when imported (~2.5 ms a run) for hashes okrlint never uses; these are the very
functions they would give (``hmac.compare_digest`` is ``_operator._compare_digest``).
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
    from _operator import _compare_digest as compare_digest
except ImportError:  # an interpreter built without its own BLAKE2 module
    from hashlib import blake2b
    from hmac import compare_digest  # type: ignore[no-redef]

__all__ = ["blake2b", "compare_digest"]
